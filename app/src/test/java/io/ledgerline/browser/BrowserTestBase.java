package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.ledgerline.invoices.InvoiceConflictException;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.IntegrationTest;

/**
 * The browser tier: the whole app on a random port (the one shared integration context),
 * driven through the system Chromium. Test classes run one at a time (the default), each
 * with its own browser; every test uses fresh fixtures and fresh browser contexts.
 */
@IntegrationTest
@Tag("browser")
abstract class BrowserTestBase {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	static final String CHANGED_ELSEWHERE = InvoiceConflictException.CHANGED_ELSEWHERE;

	private static final Pattern INVOICE_LIST = Pattern.compile(".*/invoices(\\?.*)?$");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Signs in through the real login form; the page ends on the invoice list. */
	void logIn(Page page, String email) {
		page.navigate(url("/login"));
		Locator form = page.getByTestId("login-form");
		form.locator("input[name=username]").fill(email);
		form.locator("input[name=password]").fill(Fixtures.PASSWORD);
		form.locator("button[type=submit]").click();
		page.waitForURL(INVOICE_LIST);
		assertThat(page.getByTestId("current-user")).hasText(email);
	}

	/**
	 * A new browser context with JavaScript off, signed in as {@code email}: the page is
	 * checked to run no script (app.js marks {@code <html class="js">} when it does).
	 */
	Page signedInWithoutJavaScript(String email) {
		Page page = chromium.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)).newPage();
		logIn(page, email);
		assertThat(page.locator("html")).not().hasClass(Pattern.compile("\\bjs\\b"));
		return page;
	}

	/**
	 * A list row's button by its label, as a user finds it (the row buttons carry no test
	 * ids: page weight).
	 */
	static Locator rowButton(Locator row, String label) {
		return row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(label).setExact(true));
	}

	void waitForList(Page page) {
		page.waitForURL(INVOICE_LIST);
	}

	Locator row(Page page, long invoiceId) {
		return page.locator("tr[data-testid=invoice-row][data-invoice-id='" + invoiceId + "']");
	}

	/** Runs the action and returns the answer to the POST it causes to {@code path}. */
	Response postAnswer(Page page, String path, Runnable action) {
		String target = url(path);
		return page.waitForResponse(
				response -> response.request().method().equals("POST") && response.url().equals(target), action);
	}

}
