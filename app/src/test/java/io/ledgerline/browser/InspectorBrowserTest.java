package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.ledgerline.inspector.ListInvalidationMisuse;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * The inspector's teaching flows as a person clicks them: edit-one with updateTag (the
 * list the user lands on shows the new amount), the same with the misuse toggle on (the
 * list shows the old amount and an old fetched-at while the summary is fresh), and
 * updateTag outside an action (the page shows the runtime's refusal).
 */
class InspectorBrowserTest extends BrowserTestBase {

	private static final Pattern INSPECTOR = Pattern.compile(".*/inspector$");

	@Autowired
	ManualClock clock;

	@Autowired
	ListInvalidationMisuse misuse;

	@AfterEach
	void misuseOff() {
		misuse.set(false);
	}

	@Test
	void editOneLandsOnAListThatShowsTheNewAmount() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page page = chromium.newContext().newPage();
		logIn(page, org.admin());
		String listFetchedBefore = page.getByTestId("list-fetched-at").getAttribute("datetime");
		page.navigate(url("/inspector"));
		assertThat(page.getByTestId("target-total")).hasAttribute("data-value", "100.00");
		clock.advance(Duration.ofSeconds(1));

		page.getByTestId("edit-one").click();
		waitForList(page);

		assertThat(row(page, invoice.id()).getByTestId("invoice-total")).hasAttribute("data-value", "101.00");
		assertThat(page.getByTestId("summary-total")).hasAttribute("data-value", "101.00");
		assertThat(page.getByTestId("list-fetched-at").getAttribute("datetime")).isGreaterThan(listFetchedBefore);

		page.navigate(url("/inspector"));
		Locator log = page.getByTestId("invalidation-log");
		assertThat(log.locator("li[data-primitive=updateTag][data-source=action]")).hasCount(3);
		assertThat(log.locator("li[data-path='/invoices']")).hasCount(0);
		assertThat(page.getByTestId("audit-log").locator("li[data-action='invoice.update']")).hasCount(1);
	}

	@Test
	void withMisuseOnTheListShowsTheOldAmountUntilItIsTurnedOff() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Page page = chromium.newContext().newPage();
		logIn(page, org.admin());
		String listFetchedBefore = page.getByTestId("list-fetched-at").getAttribute("datetime");
		String summaryFetchedBefore = page.getByTestId("summary-fetched-at").getAttribute("datetime");
		page.navigate(url("/inspector"));
		Locator toggle = page.getByTestId("misuse-toggle");
		assertThat(toggle).hasText("off");
		toggle.click();
		page.waitForURL(INSPECTOR);
		assertThat(page.getByTestId("misuse-toggle")).hasText("on");
		clock.advance(Duration.ofSeconds(1));

		page.getByTestId("edit-one").click();
		waitForList(page);

		assertThat(row(page, invoice.id()).getByTestId("invoice-total")).hasAttribute("data-value", "100.00");
		assertThat(page.getByTestId("list-fetched-at")).hasAttribute("datetime", listFetchedBefore);
		assertThat(page.getByTestId("summary-total")).hasAttribute("data-value", "101.00");
		assertThat(page.getByTestId("summary-fetched-at").getAttribute("datetime")).isGreaterThan(summaryFetchedBefore);
		assertThat(fixtures.row(invoice.id()).total()).isEqualByComparingTo("101.00");

		page.navigate(url("/inspector"));
		assertThat(page.getByTestId("invalidation-log").locator("li[data-primitive=revalidateTag][data-source=action]"))
			.hasCount(1);
		page.getByTestId("misuse-toggle").click();
		page.waitForURL(INSPECTOR);
		assertThat(page.getByTestId("misuse-toggle")).hasText("off");
		clock.advance(Duration.ofSeconds(1));
		page.getByTestId("edit-one").click();
		waitForList(page);
		assertThat(row(page, invoice.id()).getByTestId("invoice-total")).hasAttribute("data-value", "102.00");
	}

	@Test
	void updateTagOutsideAnActionIsRefusedAndChangesNothing() {
		TestOrg org = fixtures.org();
		fixtures.invoice(org, "100.00");
		Page page = chromium.newContext().newPage();
		logIn(page, org.member());
		page.navigate(url("/inspector"));
		String listFetchedBefore = page.getByTestId("list-fetched-at").getAttribute("datetime");
		String logBefore = page.getByTestId("invalidation-log").innerHTML();

		page.getByTestId("force-update-tag").click();

		assertThat(page.getByTestId("force-update-tag-error")).containsText("only available inside an action");
		assertThat(page.getByTestId("invalidation-log").innerHTML()).isEqualTo(logBefore);
		assertThat(page.getByTestId("list-fetched-at")).hasAttribute("datetime", listFetchedBefore);
	}

}
