package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * Comment times and the cache strip read as people read them: relative with JavaScript
 * (measured on the server's clock); without it the strip is still relative (a hole filled
 * per request) and the comments, cached with their thread, print the absolute time; the
 * exact instant always in {@code datetime} (the hooks) and a title.
 */
class HumanTimesBrowserTest extends BrowserTestBase {

	private static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

	private static final Pattern ABSOLUTE = Pattern.compile("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d UTC");

	private static final Pattern RELATIVE = Pattern.compile("^(just now|\\d+ s ago|\\d+ min ago)$");

	@Autowired
	ManualClock clock;

	@Test
	void withJavaScriptTimesAreRelativeToTheServersClock() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		storeComment(org, invoice, 180);
		Page page = chromium.newContext().newPage();
		logIn(page, org.member());

		page.navigate(url("/invoices/" + invoice.id()));

		Locator time = page.getByTestId("comment").first().locator("time");
		assertThat(time).hasText("3 min ago");
		assertThat(time).hasAttribute("datetime", ISO_MILLIS);
		assertThat(time).hasAttribute("title", Pattern.compile(".+"));
		Locator record = page.getByTestId("record-fetched-at");
		assertThat(record).hasText(Pattern.compile("^(just now|\\d+ s ago|\\d+ min ago)$"));
		assertThat(record).hasAttribute("datetime", ISO_MILLIS);
		assertThat(page.getByTestId("list-fetched-at")).hasAttribute("datetime", ISO_MILLIS);
	}

	@Test
	void withoutJavaScriptTheStripIsRelativeAndTheCachedCommentsAbsolute() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		storeComment(org, invoice, 180);
		Page page = signedInWithoutJavaScript(org.member());

		page.navigate(url("/invoices/" + invoice.id()));

		Locator time = page.getByTestId("comment").first().locator("time");
		assertThat(time).hasText(ABSOLUTE);
		assertThat(time).hasAttribute("title", Pattern.compile(".+ UTC$"));
		assertThat(page.getByTestId("record-fetched-at")).hasText(RELATIVE);
		assertThat(page.getByTestId("record-fetched-at")).hasAttribute("title", Pattern.compile(".+ UTC$"));
		assertThat(page.getByTestId("record-fetched-at")).hasAttribute("datetime", ISO_MILLIS);
	}

	/** One comment on the invoice, {@code secondsAgo} before the server's clock. */
	private void storeComment(TestOrg org, TestInvoice invoice, long secondsAgo) {
		fixtures.comment(org, invoice, "Timed", clock.instant().minusSeconds(secondsAgo));
	}

}
