package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;

/**
 * Editing an invoice's lines: with JavaScript the rows are added and removed in the page
 * (one post, the save); without it "Add a line" and "Remove" post and the server answers
 * with the form, every value kept. Either way the saved total is the lines' sum, and the
 * form never scrolls sideways, on a phone (390 px) or a laptop (1280 px).
 */
class InvoiceLineEditBrowserTest extends BrowserTestBase {

	@ParameterizedTest(name = "{0} px wide")
	@ValueSource(ints = { 390, 1280 })
	void withJavaScriptLinesAreAddedRemovedAndChangedInThePageAndSaved(int width) {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page page = chromium.newContext().newPage();
		page.setViewportSize(width, 844);
		logIn(page, org.member());
		List<String> posts = new CopyOnWriteArrayList<>();
		page.onRequest(request -> {
			if (request.method().equals("POST")) {
				posts.add(request.url());
			}
		});
		page.navigate(url("/invoices/" + invoice.id() + "/edit"));

		// A fixture invoice has no lines: the form offers one blank row.
		assertThat(lines(page)).hasCount(1);
		fillLine(page, 0, "Design", "2", "1,000.00");
		page.getByTestId("add-line").click();
		page.getByTestId("add-line").click();
		assertThat(lines(page)).hasCount(3);
		fillLine(page, 1, "Thrown away", "1", "5");
		fillLine(page, 2, "Support", "1", "49.99");
		lines(page).nth(1).getByTestId("remove-line").click();
		assertThat(lines(page)).hasCount(2);
		page.getByTestId("edit-form").locator("input[name=dueOn]").fill("2026-12-24");
		assertThat(posts).isEmpty();
		PageLayoutBrowserTest.assertPageFits(page);

		Response saved = postAnswer(page, "/invoices/" + invoice.id(), page.getByTestId("save-button")::click);

		assertThat(saved.status()).isEqualTo(303);
		assertThat(posts).hasSize(1);
		assertSaved(page, invoice);
	}

	@ParameterizedTest(name = "{0} px wide")
	@ValueSource(ints = { 390, 1280 })
	void withoutJavaScriptAddAndRemovePostAndTheFormComesBackWithItsValues(int width) {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page page = signedInWithoutJavaScript(org.member());
		page.setViewportSize(width, 844);
		page.navigate(url("/invoices/" + invoice.id() + "/edit"));

		fillLine(page, 0, "Design", "2", "1,000.00");
		page.getByTestId("edit-form").locator("input[name=dueOn]").fill("2026-12-24");
		Response added = postAnswer(page, "/invoices/" + invoice.id(), page.getByTestId("add-line")::click);
		assertThat(added.status()).isEqualTo(200);
		assertThat(lines(page)).hasCount(2);
		assertThat(lines(page).nth(0).locator("input[name=lineUnitPrice]")).hasValue("1,000.00");
		assertThat(page.getByTestId("edit-form").locator("input[name=dueOn]")).hasValue("2026-12-24");
		fillLine(page, 1, "Thrown away", "1", "5");
		postAnswer(page, "/invoices/" + invoice.id(), page.getByTestId("add-line")::click);
		fillLine(page, 2, "Support", "1", "49.99");
		Response removed = postAnswer(page, "/invoices/" + invoice.id(),
				lines(page).nth(1).getByTestId("remove-line")::click);
		assertThat(removed.status()).isEqualTo(200);
		assertThat(lines(page)).hasCount(2);
		assertThat(lines(page).nth(1).locator("input[name=lineDescription]")).hasValue("Support");
		assertThat(fixtures.row(invoice.id()).version()).as("nothing saved yet").isEqualTo(1);
		PageLayoutBrowserTest.assertPageFits(page);

		Response saved = postAnswer(page, "/invoices/" + invoice.id(), page.getByTestId("save-button")::click);

		assertThat(saved.status()).isEqualTo(303);
		assertSaved(page, invoice);
	}

	private void assertSaved(Page page, TestInvoice invoice) {
		waitForList(page);
		assertThat(fixtures.lines(invoice.id())).containsExactly("Design 2000.00", "Support 49.99");
		page.navigate(url("/invoices/" + invoice.id()));
		assertThat(page.getByTestId("line-item")).hasCount(2);
		assertThat(page.getByTestId("detail-total")).hasText("2,049.99");
		assertThat(page.getByTestId("lines-sum")).hasText("2,049.99");
		assertThat(page.getByTestId("detail-due")).hasText("24 Dec 2026");
		assertThat(page.getByTestId("detail-due")).hasAttribute("datetime", LocalDate.of(2026, 12, 24).toString());
	}

	private static void fillLine(Page page, int index, String description, String quantity, String unitPrice) {
		Locator line = lines(page).nth(index);
		line.locator("input[name=lineDescription]").fill(description);
		line.locator("input[name=lineQuantity]").fill(quantity);
		line.locator("input[name=lineUnitPrice]").fill(unitPrice);
	}

	private static Locator lines(Page page) {
		return page.getByTestId("edit-form").getByTestId("new-line");
	}

}
