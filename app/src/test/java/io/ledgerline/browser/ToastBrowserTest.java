package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.ledgerline.support.Fixtures.InvoiceRow;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;

/**
 * Toasts leave by themselves and can be dismissed; an archive's toast offers Undo, a real
 * restore form that works with and without JavaScript.
 */
class ToastBrowserTest extends BrowserTestBase {

	/** Longer than a success toast stays (app.js: 6 s); a bounded wait, not a sleep. */
	private static final LocatorAssertions.HasCountOptions GONE_BY_ITSELF = new LocatorAssertions.HasCountOptions()
		.setTimeout(15_000);

	@Test
	void aToastDisappearsByItself() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page page = chromium.newContext().newPage();
		logIn(page, org.member());

		rowButton(row(page, invoice.id()), "Archive").click();

		Locator toast = page.getByTestId("toast");
		assertThat(toast).containsText(invoice.number() + " archived.");
		assertThat(toast).hasCount(0, GONE_BY_ITSELF);
	}

	@Test
	void aToastCanBeDismissedAndItsTextIsTheMessageAlone() {
		TestOrg org = fixtures.org();
		Page page = chromium.newContext().newPage();
		logIn(page, org.member());
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		page.navigate(url("/invoices/" + invoice.id() + "/edit"));
		page.getByTestId("save-button").click();
		waitForList(page);

		Locator toast = page.getByTestId("toast");
		assertThat(toast).hasText(invoice.number() + " saved.");
		toast.getByTestId("toast-close").click();
		assertThat(toast).hasCount(0);
	}

	@Test
	void undoInTheArchiveToastRestoresTheRow() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page page = chromium.newContext().newPage();
		logIn(page, org.member());
		Locator row = row(page, invoice.id());

		rowButton(row, "Archive").click();
		assertThat(row).hasCount(0);
		Locator undo = page.getByTestId("toast").getByTestId("toast-undo");
		assertThat(undo).isVisible();

		Response answer = postAnswer(page, "/invoices/" + invoice.id() + "/restore", undo::click);

		assertThat(answer.status()).isEqualTo(303);
		waitForList(page);
		assertThat(row).isVisible();
		assertThat(row).not().hasAttribute("data-lifecycle", Pattern.compile(".*"));
		assertThat(page.getByTestId("toast")).containsText(invoice.number() + " restored.");
		InvoiceRow after = fixtures.row(invoice.id());
		assertThat(after.archived()).isFalse();
		assertThat(after.version()).isEqualTo(3);
		assertThat(fixtures.auditRows(invoice.id(), "invoice.restore")).isEqualTo(1);
	}

	@Test
	void undoWorksWithoutJavaScript() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page page = signedInWithoutJavaScript(org.member());
		Locator row = row(page, invoice.id());

		Response archived = postAnswer(page, "/invoices/" + invoice.id() + "/archive",
				rowButton(row, "Archive")::click);
		assertThat(archived.status()).isEqualTo(303);
		waitForList(page);
		assertThat(row).hasCount(0);

		Response restored = postAnswer(page, "/invoices/" + invoice.id() + "/restore",
				page.getByTestId("toast-undo")::click);

		assertThat(restored.status()).isEqualTo(303);
		waitForList(page);
		assertThat(row).isVisible();
		assertThat(fixtures.row(invoice.id()).archived()).isFalse();
	}

}
