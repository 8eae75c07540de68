package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.ledgerline.support.Fixtures.InvoiceRow;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;

/**
 * The edit form in a real browser: two tabs of one session racing on the same invoice,
 * the conflict page's two ways out (use latest, admin overwrite), and validation.
 */
class InvoiceEditConflictBrowserTest extends BrowserTestBase {

	@Test
	void secondTabGetsTheConflictAndRecoversWithUseLatest() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Race race = openTwoTabs(org.admin(), invoice);

		Page b = tabBLosesTheRace(race, formB -> formB.locator("input[name=total]").fill("222.00"));

		assertThat(race.tabA.page.getByTestId("toast")).hasText(invoice.number() + " saved.");
		assertThat(race.tabB.form().locator("input[name=total]")).hasValue("222.00");
		assertThat(fixtures.row(invoice.id()).total()).isEqualByComparingTo("111.00");

		b.getByTestId("conflict-use-latest").click();
		b.waitForURL(url("/invoices/" + invoice.id() + "/edit"));
		assertThat(b.getByTestId("conflict-banner")).hasCount(0);
		assertThat(race.tabB.form().locator("input[name=total]")).hasValue("111.00");
		assertThat(race.tabB.form().locator("input[name=version]")).hasValue("2");

		race.tabB.form().locator("input[name=total]").fill("333.00");
		Response saved = race.tabB.submit(race.tabB.form().getByTestId("save-button"));

		assertThat(saved.status()).isEqualTo(303);
		waitForList(b);
		assertThat(b.getByTestId("toast")).hasText(invoice.number() + " saved.");
		InvoiceRow after = fixtures.row(invoice.id());
		assertThat(after.total()).isEqualByComparingTo("333.00");
		assertThat(after.version()).isEqualTo(3);
		assertThat(fixtures.auditRows(invoice.id(), "invoice.update")).isEqualTo(2);
	}

	@Test
	void memberSeesTheConflictButCannotOverwrite() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Race race = openTwoTabs(org.member(), invoice);

		Page b = tabBLosesTheRace(race, formB -> formB.locator("input[name=total]").fill("222.00"));

		assertThat(b.getByTestId("conflict-use-latest")).isVisible();
		assertThat(b.getByTestId("conflict-overwrite")).hasCount(0);

		// The conflict page keeps the stale version: saving it again as is cannot
		// clobber.
		Response again = race.tabB.submit(race.tabB.form().getByTestId("save-button"));

		assertThat(again.status()).isEqualTo(409);
		InvoiceRow after = fixtures.row(invoice.id());
		assertThat(after.total()).isEqualByComparingTo("111.00");
		assertThat(after.version()).isEqualTo(2);
		assertThat(fixtures.auditRows(invoice.id(), "invoice.update")).isEqualTo(1);
	}

	@Test
	void adminOverwriteAppliesTheirOwnValues() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Race race = openTwoTabs(org.admin(), invoice);

		Page b = tabBLosesTheRace(race, formB -> {
			formB.locator("input[name=customerName]").fill("Tab B Customer");
			formB.locator("select[name=status]").selectOption("sent");
			formB.locator("input[name=total]").fill("222.00");
		});

		Locator overwrite = b.getByTestId("conflict-overwrite");
		assertThat(overwrite).isVisible();

		Response overwritten = race.tabB.submit(overwrite);

		assertThat(overwritten.status()).isEqualTo(303);
		waitForList(b);
		assertThat(b.getByTestId("toast")).hasText(invoice.number() + " saved.");
		InvoiceRow after = fixtures.row(invoice.id());
		assertThat(after.customerName()).isEqualTo("Tab B Customer");
		assertThat(after.status()).isEqualTo("sent");
		assertThat(after.total()).isEqualByComparingTo("222.00");
		assertThat(after.version()).isEqualTo(3);
		assertThat(fixtures.auditRows(invoice.id(), "invoice.update")).isEqualTo(2);
	}

	@Test
	void invalidTotalShowsAFieldErrorAndChangesNothing() {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		BrowserContext context = chromium.newContext();
		Tab tab = new Tab(context.newPage(), invoice);
		logIn(tab.page, org.member());
		tab.open();
		int auditBefore = fixtures.auditRows(invoice.id());

		tab.form().locator("input[name=total]").fill("abc");
		Response answer = tab.submit(tab.form().getByTestId("save-button"));

		assertThat(answer.status()).isEqualTo(422);
		Locator error = tab.page.locator("[data-testid=field-error][data-field=total]");
		assertThat(error).isVisible();
		assertThat(error).containsText(Pattern.compile("number", Pattern.CASE_INSENSITIVE));
		assertThat(tab.form().locator("input[name=total]")).hasValue("abc");
		assertThat(tab.page.getByTestId("conflict-banner")).hasCount(0);
		InvoiceRow after = fixtures.row(invoice.id());
		assertThat(after.total()).isEqualByComparingTo(new BigDecimal("100.00"));
		assertThat(after.version()).isEqualTo(1);
		assertThat(fixtures.auditRows(invoice.id())).isEqualTo(auditBefore);
	}

	/**
	 * Tab A saves 111.00; tab B, still holding version 1, submits its own values and must
	 * get the 409 conflict page showing the server's 111.00. Returns tab B's page.
	 */
	private Page tabBLosesTheRace(Race race, Consumer<Locator> tabBValues) {
		race.tabA.saveTotal("111.00");
		waitForList(race.tabA.page);
		Locator formB = race.tabB.form();
		tabBValues.accept(formB);
		Response conflict = race.tabB.submit(formB.getByTestId("save-button"));

		assertThat(conflict.status()).isEqualTo(409);
		Page b = race.tabB.page;
		assertThat(b.getByTestId("conflict-banner")).isVisible();
		assertThat(b.getByTestId("conflict-current-total")).hasAttribute("data-value", "111.00");
		return b;
	}

	/**
	 * One session (one context), two tabs on the same edit form, both holding version 1.
	 */
	private Race openTwoTabs(String email, TestInvoice invoice) {
		BrowserContext context = chromium.newContext();
		Tab a = new Tab(context.newPage(), invoice);
		logIn(a.page, email);
		a.open();
		Tab b = new Tab(context.newPage(), invoice);
		b.open();
		assertThat(a.form().locator("input[name=version]")).hasValue("1");
		assertThat(b.form().locator("input[name=version]")).hasValue("1");
		return new Race(a, b);
	}

	private record Race(Tab tabA, Tab tabB) {
	}

	private final class Tab {

		final Page page;

		final TestInvoice invoice;

		Tab(Page page, TestInvoice invoice) {
			this.page = page;
			this.invoice = invoice;
		}

		void open() {
			page.navigate(url("/invoices/" + invoice.id() + "/edit"));
			assertThat(form()).isVisible();
		}

		Locator form() {
			return page.getByTestId("edit-form");
		}

		void saveTotal(String total) {
			form().locator("input[name=total]").fill(total);
			assertThat(submit(form().getByTestId("save-button")).status()).isEqualTo(303);
		}

		/** Clicks a submit button and returns the answer to the edit form's POST. */
		Response submit(Locator button) {
			return postAnswer(page, "/invoices/" + invoice.id(), button::click);
		}

	}

}
