package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;

import io.ledgerline.support.Fixtures.TestOrg;

/**
 * Creating an invoice with two lines, the second added in the form: with JavaScript (the
 * line is added in the page, no round trip) and without it (the "Add a line" button posts
 * and the server re-renders the form with the values kept).
 */
class NewInvoiceBrowserTest extends BrowserTestBase {

	private static final Pattern DETAIL = Pattern.compile(".*/invoices/\\d+$");

	@Test
	void withJavaScriptTheLineIsAddedInThePageAndTheInvoiceIsCreated() {
		TestOrg org = fixtures.org();
		fixtures.invoice(org, "100.00");
		Page page = chromium.newContext().newPage();
		logIn(page, org.member());
		List<String> posts = new CopyOnWriteArrayList<>();
		page.onRequest(request -> {
			if (request.method().equals("POST")) {
				posts.add(request.url());
			}
		});

		openForm(page);
		fillHeader(page);
		fillLine(page, 0, "Consulting, phase 1", "2", "150.00");
		page.getByTestId("add-line").click();
		assertThat(lines(page)).hasCount(2);
		page.getByTestId("add-line").click();
		assertThat(lines(page)).hasCount(3);
		lines(page).nth(2).getByTestId("remove-line").click();
		assertThat(lines(page)).hasCount(2);
		assertThat(posts).isEmpty();
		fillLine(page, 1, "Licence", "1.50", "99.99");

		Response answer = postAnswer(page, "/invoices", page.getByTestId("create-button")::click);

		assertThat(answer.status()).isEqualTo(303);
		assertThat(posts).hasSize(1);
		assertCreated(page);
	}

	@Test
	void withoutJavaScriptAddALinePostsAndTheFormComesBackWithItsValues() {
		TestOrg org = fixtures.org();
		fixtures.invoice(org, "100.00");
		Page page = signedInWithoutJavaScript(org.member());

		openForm(page);
		fillHeader(page);
		fillLine(page, 0, "Consulting, phase 1", "2", "150.00");
		Response added = postAnswer(page, "/invoices", page.getByTestId("add-line")::click);

		assertThat(added.status()).isEqualTo(200);
		assertThat(lines(page)).hasCount(2);
		assertThat(page.locator("input[name=customerName]")).hasValue("Initech, Inc.");
		assertThat(page.locator("input[name=issuedOn]")).hasValue("2026-11-20");
		assertThat(page.locator("select[name=status]")).hasValue("sent");
		assertThat(lines(page).nth(0).locator("input[name=lineDescription]")).hasValue("Consulting, phase 1");
		assertThat(lines(page).nth(0).locator("input[name=lineUnitPrice]")).hasValue("150.00");
		fillLine(page, 1, "Licence", "1.50", "99.99");

		Response answer = postAnswer(page, "/invoices", page.getByTestId("create-button")::click);

		assertThat(answer.status()).isEqualTo(303);
		assertCreated(page);
	}

	/**
	 * The first Create reaches the server and commits, but its answer is lost on the way
	 * back (here: replaced by a 204, so the browser stays on the form, as after a dropped
	 * connection); the user clicks Create again. The second post carries the form's same
	 * one-time key and lands on the first invoice: one invoice, not two.
	 */
	@Test
	void clickingCreateAgainAfterALostAnswerMakesOneInvoice() {
		TestOrg org = fixtures.org();
		fixtures.invoice(org, "100.00");
		Page page = signedInWithoutJavaScript(org.member());
		List<String> creates = new CopyOnWriteArrayList<>();
		AtomicBoolean loseTheAnswer = new AtomicBoolean(true);
		page.route(url("/invoices"), route -> {
			if (!route.request().method().equals("POST")) {
				route.resume();
				return;
			}
			creates.add(route.request().postData());
			if (loseTheAnswer.getAndSet(false)) {
				APIResponse committed = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
				assertThat(committed.status()).isEqualTo(303);
				route.fulfill(new Route.FulfillOptions().setStatus(204));
			}
			else {
				route.resume();
			}
		});

		openForm(page);
		fillHeader(page);
		fillLine(page, 0, "Consulting, phase 1", "2", "150.00");
		page.getByTestId("create-button").click();
		assertThat(page.getByTestId("create-button")).isVisible();
		Response again = postAnswer(page, "/invoices", page.getByTestId("create-button")::click);

		assertThat(again.status()).isEqualTo(303);
		page.waitForURL(DETAIL);
		assertThat(page.getByTestId("invoice-heading")).hasText("INV-1001");
		// The lost answer's toast was kept for the same page too; either one names the
		// invoice.
		assertThat(page.getByTestId("toast")).containsText("INV-1001");
		assertThat(creates).hasSize(2).allSatisfy(body -> assertThat(body).contains("createKey="));
		assertThat(creates.get(1)).isEqualTo(creates.get(0));
		page.locator(".crumbs a").first().click();
		waitForList(page);
		assertThat(page.getByTestId("summary-count")).hasText("2");
		assertThat(page.getByTestId("invoice-row")).hasCount(2);
	}

	private void openForm(Page page) {
		page.getByTestId("new-invoice-link").click();
		page.waitForURL(url("/invoices/new"));
		assertThat(lines(page)).hasCount(1);
	}

	private static void fillHeader(Page page) {
		Locator form = page.getByTestId("new-invoice-form");
		form.locator("input[name=customerName]").fill("Initech, Inc.");
		form.locator("input[name=issuedOn]").fill("2026-11-20");
		form.locator("select[name=status]").selectOption("sent");
	}

	private static void fillLine(Page page, int index, String description, String quantity, String unitPrice) {
		Locator line = lines(page).nth(index);
		line.locator("input[name=lineDescription]").fill(description);
		line.locator("input[name=lineQuantity]").fill(quantity);
		line.locator("input[name=lineUnitPrice]").fill(unitPrice);
	}

	private static Locator lines(Page page) {
		return page.getByTestId("new-invoice-form").getByTestId("new-line");
	}

	/** The detail page of the new invoice, then the list with it on top. */
	private void assertCreated(Page page) {
		page.waitForURL(DETAIL);
		assertThat(page.getByTestId("invoice-heading")).hasText("INV-1001");
		assertThat(page.getByTestId("toast")).hasText("INV-1001 created.");
		assertThat(page.getByTestId("detail-customer")).hasText("Initech, Inc.");
		assertThat(page.getByTestId("line-item")).hasCount(2);
		assertThat(page.getByTestId("line-amount")).hasText(new String[] { "300.00", "149.98" });
		assertThat(page.getByTestId("detail-total")).hasText("449.98");
		assertThat(page.getByTestId("lines-sum")).hasText("449.98");
		assertThat(page.getByTestId("lines-total-differs")).hasCount(0);

		page.locator(".crumbs a").first().click();
		waitForList(page);
		Locator first = page.getByTestId("invoice-row").first();
		assertThat(first).hasAttribute("data-invoice-number", "INV-1001");
		assertThat(first.getByTestId("invoice-total")).hasText("449.98");
		assertThat(page.getByTestId("summary-count")).hasText("2");
		assertThat(page.getByTestId("summary-total")).hasText("549.98");
	}

}
