package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;

import io.ledgerline.support.Fixtures.InvoiceRow;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;

/**
 * Archiving from the list: the optimistic row removal of app.js (with the archive POST
 * held in the browser, so the in-between state is observed, not raced), its rollback when
 * the server refuses a stale version, and the same refusal without JavaScript.
 */
class InvoiceArchiveBrowserTest extends BrowserTestBase {

	private static final Pattern ERROR_TOAST = Pattern.compile("\\btoast-error\\b");

	private static final Pattern SUCCESS_TOAST = Pattern.compile("\\btoast-success\\b");

	@Test
	void staleArchiveHidesTheRowThenPutsItBackWithTheServersMessage() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page page = chromium.newContext().newPage();
		logIn(page, org.member());
		Locator row = row(page, invoice.id());
		assertThat(row).isVisible();
		assertThat(row).hasAttribute("data-version", "1");
		int auditBefore = fixtures.auditRows(invoice.id());
		fixtures.drift(invoice.id());

		HeldPost archive = HeldPost.hold(page, url(archivePath(invoice)));
		rowButton(row, "Archive").click();
		Route held = archive.awaitRequest();

		assertThat(row).isHidden();
		assertThat(held.request().headerValue("accept")).isEqualTo("application/json");
		assertThat(held.request().postData()).contains("version=1");

		Response answer = postAnswer(page, archivePath(invoice), held::resume);

		assertThat(answer.status()).isEqualTo(409);
		assertThat(row).isVisible();
		Locator toast = page.getByTestId("toast");
		assertThat(toast).hasText(CHANGED_ELSEWHERE);
		assertThat(toast).hasClass(ERROR_TOAST);
		InvoiceRow after = fixtures.row(invoice.id());
		assertThat(after.archived()).isFalse();
		assertThat(after.version()).isEqualTo(2);
		assertThat(fixtures.auditRows(invoice.id())).isEqualTo(auditBefore);
	}

	@Test
	void archiveRemovesTheRowAtOnceAndTheArchivedViewHasItAfterReload() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page page = chromium.newContext().newPage();
		logIn(page, org.member());
		Locator row = row(page, invoice.id());
		assertThat(row).isVisible();
		assertThat(page.getByTestId("summary-count")).hasText("1");
		assertThat(page.getByTestId("summary-total")).hasAttribute("data-value", "100.00");

		HeldPost archive = HeldPost.hold(page, url(archivePath(invoice)));
		rowButton(row, "Archive").click();
		Route held = archive.awaitRequest();

		assertThat(row).isHidden();
		assertThat(fixtures.row(invoice.id()).archived()).isFalse();

		Response answer = postAnswer(page, archivePath(invoice), held::resume);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(row).hasCount(0);
		Locator toast = page.getByTestId("toast");
		assertThat(toast).containsText(invoice.number());
		assertThat(toast).hasClass(SUCCESS_TOAST);
		// app.js re-reads the summary from the server after the write: it shows the
		// write.
		assertThat(page.getByTestId("summary-count")).hasText("0");
		assertThat(page.getByTestId("summary-total")).hasAttribute("data-value", "0.00");
		InvoiceRow after = fixtures.row(invoice.id());
		assertThat(after.archived()).isTrue();
		assertThat(after.version()).isEqualTo(2);
		assertThat(fixtures.auditRows(invoice.id(), "invoice.archive")).isEqualTo(1);

		page.reload();

		assertThat(row).hasCount(0);
		assertThat(page.getByTestId("summary-count")).hasText("0");
		assertThat(page.getByTestId("summary-total")).hasAttribute("data-value", "0.00");

		page.getByTestId("view-tab-archived").click();
		page.waitForURL(url("/invoices?view=archived"));

		assertThat(row).isVisible();
		assertThat(row).hasAttribute("data-lifecycle", "archived");
		assertThat(row).hasAttribute("data-version", "2");
		assertThat(rowButton(row, "Restore")).isVisible();
	}

	@Test
	void staleArchiveWithoutJavaScriptReturnsToTheListWithTheConflictToast() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page page = signedInWithoutJavaScript(org.member());
		Locator row = row(page, invoice.id());
		assertThat(row).isVisible();
		int auditBefore = fixtures.auditRows(invoice.id());
		fixtures.drift(invoice.id());

		Response answer = postAnswer(page, archivePath(invoice), rowButton(row, "Archive")::click);

		assertThat(answer.status()).isEqualTo(303);
		page.waitForURL(url("/invoices?view=active"));
		Locator toast = page.getByTestId("toast");
		assertThat(toast).hasText(CHANGED_ELSEWHERE);
		assertThat(toast).hasClass(ERROR_TOAST);
		assertThat(row).isVisible();
		InvoiceRow after = fixtures.row(invoice.id());
		assertThat(after.archived()).isFalse();
		assertThat(after.version()).isEqualTo(2);
		assertThat(fixtures.auditRows(invoice.id())).isEqualTo(auditBefore);
	}

	private static String archivePath(TestInvoice invoice) {
		return "/invoices/" + invoice.id() + "/archive";
	}

	/**
	 * Holds POSTs to one URL inside the browser until the test resumes them: what happens
	 * before the server answers can then be asserted without timing assumptions.
	 */
	private static final class HeldPost {

		private final Page page;

		private final List<Route> held = new CopyOnWriteArrayList<>();

		private HeldPost(Page page) {
			this.page = page;
		}

		static HeldPost hold(Page page, String url) {
			HeldPost hold = new HeldPost(page);
			page.route(url, route -> {
				if (route.request().method().equals("POST")) {
					hold.held.add(route);
				}
				else {
					route.resume();
				}
			});
			return hold;
		}

		/**
		 * Waits (processing browser events) until the request is held, and returns it.
		 */
		Route awaitRequest() {
			page.waitForCondition(() -> !held.isEmpty());
			assertThat(held).hasSize(1);
			return held.get(0);
		}

	}

}
