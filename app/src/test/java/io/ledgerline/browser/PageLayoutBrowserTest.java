package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/**
 * The main pages at a phone's size (390×844) and a laptop's (1280×900), on the demo data
 * (long customer names, many rows, an admin's extra Delete buttons): nothing scrolls
 * sideways, Sign out is on screen, and every column of a row is shown inside the viewport
 * (on a phone the tables become one card per row; the line table drops only its "#").
 * <p>
 * With {@code -Dledgerline.screenshots=<folder>} each page is also saved there as
 * {@code <page>-<width>.png}: that is how the README's screenshots are made (see the
 * README for the command).
 */
class PageLayoutBrowserTest extends BrowserTestBase {

	private static final String ADMIN = "dana@acme.test";

	enum Viewport {

		PHONE(390, 844), LAPTOP(1280, 900);

		final int width;

		final int height;

		Viewport(int width, int height) {
			this.width = width;
			this.height = height;
		}

	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void invoiceListFitsAndShowsEveryColumn(Viewport viewport) {
		Page page = signedIn(viewport);

		Locator first = page.getByTestId("invoice-row").first();
		for (String cell : List.of("invoice-number", "invoice-customer", "invoice-total", "invoice-status")) {
			assertInsideViewport(page, first.getByTestId(cell));
		}
		for (String button : List.of("Archive", "Delete")) {
			assertInsideViewport(page, rowButton(first, button));
		}
		assertInsideViewport(page, page.getByTestId("summary-total"));
		assertPageFits(page);
		screenshot(page, "list", viewport);
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void invoiceDetailFitsWithItsWholeLineTable(Viewport viewport) {
		Page page = signedIn(viewport);
		page.navigate(url("/invoices/" + fixtures.demoInvoiceId("INV-1042")));

		assertThat(page.getByTestId("invoice-heading")).hasText("INV-1042");
		assertThat(page.getByTestId("detail-total")).hasText("12,000.00");
		assertThat(page.getByTestId("detail-total")).hasAttribute("data-value", "12000.00");
		Locator lines = page.getByTestId("line-item");
		assertThat(lines).hasCount(3);
		for (int i = 0; i < 3; i++) {
			for (Locator cell : lines.nth(i).locator("td").all()) {
				if (cell.isVisible()) {
					assertInsideViewport(page, cell);
				}
			}
			assertInsideViewport(page, lines.nth(i).getByTestId("line-amount"));
			assertOneLine(lines.nth(i).getByTestId("line-amount"));
		}
		assertInsideViewport(page, page.getByTestId("edit-link"));
		assertThat(page.getByTestId("lines-sum-label")).isVisible();
		assertInsideViewport(page, page.getByTestId("lines-sum-label"));
		assertInsideViewport(page, page.getByTestId("lines-sum"));
		assertOneLine(page.getByTestId("lines-sum"));
		assertThat(page.getByText("Version")).hasCount(0);
		assertPageFits(page);
		screenshot(page, "detail", viewport);
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void editFormFits(Viewport viewport) {
		Page page = signedIn(viewport);
		page.navigate(url("/invoices/" + fixtures.demoInvoiceId("INV-1042") + "/edit"));

		Locator form = page.getByTestId("edit-form");
		for (String field : List.of("customerName", "status", "total", "issuedOn", "dueOn")) {
			assertInsideViewport(page, form.locator("[name=" + field + "]"));
		}
		assertThat(form.locator("input[name=total]")).hasAttribute("inputmode", "decimal");
		assertLineInputsFit(page, form, 4);
		assertInsideViewport(page, form.getByTestId("save-button"));
		assertPageFits(page);
		screenshot(page, "edit", viewport);
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void newInvoiceFormFits(Viewport viewport) {
		Page page = signedIn(viewport);
		page.navigate(url("/invoices/new"));

		Locator form = page.getByTestId("new-invoice-form");
		for (String field : List.of("customerName", "issuedOn", "dueOn", "status")) {
			assertInsideViewport(page, form.locator("[name=" + field + "]"));
		}
		form.getByTestId("add-line").click();
		assertLineInputsFit(page, form, 2);
		assertInsideViewport(page, form.getByTestId("create-button"));
		assertPageFits(page);
		screenshot(page, "new", viewport);
	}

	/** Every line input on screen, and the money boxes wide enough to read 12,000.00. */
	private static void assertLineInputsFit(Page page, Locator form, int rows) {
		Locator lines = form.getByTestId("new-line");
		assertThat(lines).hasCount(rows);
		for (int i = 0; i < rows; i++) {
			for (String field : List.of("lineDescription", "lineQuantity", "lineUnitPrice")) {
				assertInsideViewport(page, lines.nth(i).locator("input[name=" + field + "]"));
			}
			assertInsideViewport(page, lines.nth(i).getByTestId("remove-line"));
			assertThat(lines.nth(i).locator("input[name=lineUnitPrice]").boundingBox().width).as("unit price box width")
				.isGreaterThanOrEqualTo(80);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void ticketsFitAndShowEveryColumn(Viewport viewport) {
		Page page = signedIn(viewport);
		page.navigate(url("/tickets"));

		Locator first = page.getByTestId("ticket-row").first();
		assertInsideViewport(page, first.getByTestId("ticket-title"));
		assertInsideViewport(page, first.getByTestId("ticket-status"));
		assertInsideViewport(page, first.locator("time"));
		assertInsideViewport(page, first.locator("select[name=status]"));
		assertInsideViewport(page, first.getByTestId("ticket-delete"));
		assertPageFits(page);
		screenshot(page, "tickets", viewport);
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void membersFitWithTheirRoleAndRemoveControls(Viewport viewport) {
		Page page = signedIn(viewport);
		page.navigate(url("/invoices"));
		assertInsideViewport(page, page.getByTestId("nav-members"));
		page.getByTestId("nav-members").click();

		Locator first = page.getByTestId("member-row").first();
		assertInsideViewport(page, first.getByTestId("member-email"));
		assertInsideViewport(page, first.locator("select[name=role]"));
		assertInsideViewport(page, first.getByTestId("member-remove"));
		assertPageFits(page);
		screenshot(page, "members", viewport);
	}

	private Page signedIn(Viewport viewport) {
		Page page = chromium
			.newContext(new Browser.NewContextOptions().setViewportSize(viewport.width, viewport.height))
			.newPage();
		logIn(page, ADMIN);
		return page;
	}

	/** No sideways scroll, and the header's Sign out is on screen. */
	static void assertPageFits(Page page) {
		Object widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
		List<?> pair = (List<?>) widths;
		int scrollWidth = ((Number) pair.get(0)).intValue();
		int innerWidth = ((Number) pair.get(1)).intValue();
		assertThat(scrollWidth).as("document scrollWidth vs innerWidth").isLessThanOrEqualTo(innerWidth);
		Locator signOut = page.getByTestId("sign-out");
		assertThat(signOut).isVisible();
		assertInsideViewport(page, signOut);
	}

	/** An amount reads on one line: "12,000.00", never "12,000.0" over "0". */
	private static void assertOneLine(Locator element) {
		Object lineBoxes = element.evaluate(
				"e => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length; }");
		assertThat(((Number) lineBoxes).intValue()).as("lines of %s", element).isEqualTo(1);
	}

	private static void assertInsideViewport(Page page, Locator element) {
		assertThat(element).isVisible();
		BoundingBox box = element.boundingBox();
		int width = page.viewportSize().width;
		assertThat(box.x).as("left edge of %s", element).isGreaterThanOrEqualTo(0);
		assertThat(box.x + box.width).as("right edge of %s", element).isLessThanOrEqualTo(width + 0.5);
	}

	private static void screenshot(Page page, String name, Viewport viewport) {
		String folder = System.getProperty("ledgerline.screenshots");
		if (folder == null || folder.isBlank()) {
			return;
		}
		Path file = Paths.get(folder).resolve(name + "-" + viewport.width + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
	}

}
