package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;

import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;

/**
 * The printable page and the PDF as a user reaches them from the detail page, and the
 * delete's confirmation step without JavaScript.
 */
class InvoicePrintBrowserTest extends BrowserTestBase {

	@Test
	void fromTheDetailPageToThePrintableSheetAndThePdf() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "1234.50");
		Page page = chromium.newContext().newPage();
		logIn(page, org.member());
		page.addInitScript("window.print = () => { window.printed = (window.printed || 0) + 1; };");
		page.navigate(url("/invoices/" + invoice.id()));

		page.getByTestId("print-link").click();

		page.waitForURL(Pattern.compile(".*/invoices/" + invoice.id() + "/print$"));
		assertThat(page.getByTestId("print-number")).hasText(invoice.number());
		assertThat(page.getByTestId("print-total")).hasText("1,234.50");
		assertThat(page.getByTestId("print-org")).hasText("Org " + org.id());
		assertThat(page.getByTestId("current-user")).hasCount(0);
		page.getByTestId("print-button").click();
		assertThat(page.evaluate("() => window.printed")).isEqualTo(1);

		// On paper: the sheet alone.
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		assertThat(page.locator(".print-tools")).isHidden();
		assertThat(page.getByTestId("print-total")).isVisible();

		APIResponse pdf = page.request().get(page.getByTestId("print-pdf").evaluate("a => a.href").toString());
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
		assertThat(pdf.headers().get("content-disposition"))
			.isEqualTo("inline; filename=\"" + invoice.number() + ".pdf\"");
	}

	@Test
	void thePrintablePageFitsAPhone() {
		Page page = chromium.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)).newPage();
		logIn(page, "priya@acme.test");

		page.navigate(url("/invoices/" + fixtures.demoInvoiceId("INV-1042") + "/print"));

		assertThat(page.getByTestId("print-total")).isVisible();
		Object sideways = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
		assertThat(sideways).as("scrolls sideways").isEqualTo(false);
	}

	@Test
	void withoutJavaScriptThePrintButtonStaysHiddenAndTheBrowsersPrintIsTheWay() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		Page page = signedInWithoutJavaScript(org.member());

		page.navigate(url("/invoices/" + invoice.id() + "/print"));

		assertThat(page.getByTestId("print-number")).hasText(invoice.number());
		assertThat(page.getByTestId("print-button")).isHidden();
		assertThat(page.getByTestId("print-back")).isVisible();
	}

	@Test
	void withoutJavaScriptADeleteTakesASecondDeliberateClick() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "77.00");
		Page page = signedInWithoutJavaScript(org.admin());

		rowButton(row(page, invoice.id()), "Delete").click();

		page.waitForURL(Pattern.compile(".*/invoices/" + invoice.id() + "/delete$"));
		assertThat(page.getByTestId("delete-question")).containsText(invoice.number());
		assertThat(fixtures.row(invoice.id()).deleted()).isFalse();

		page.getByTestId("delete-cancel").click();
		waitForList(page);
		assertThat(row(page, invoice.id())).hasCount(1);

		rowButton(row(page, invoice.id()), "Delete").click();
		page.getByTestId("delete-confirm").click();
		waitForList(page);
		assertThat(page.getByTestId("toast")).containsText(invoice.number() + " deleted.");
		assertThat(row(page, invoice.id())).hasCount(0);
		assertThat(fixtures.row(invoice.id()).deleted()).isTrue();
	}

}
