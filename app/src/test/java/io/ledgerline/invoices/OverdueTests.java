package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * Overdue is sent and past due, judged on the app clock's day: it changes at midnight
 * without a write, and the cached list, detail, summary and overdue view follow.
 */
@IntegrationTest
class OverdueTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ManualClock clock;

	@Autowired
	JdbcClient jdbc;

	TestOrg org;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/** Moves the clock to {@code seconds} before the next midnight (UTC). */
	private void toSecondsBeforeMidnight(long seconds) {
		long untilMidnight = Duration
			.between(clock.instant(), today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
			.getSeconds();
		clock.advance(Duration.ofSeconds(untilMidnight - seconds));
	}

	private PageHtml html(String url) throws Exception {
		return new PageHtml(mvc.perform(page(org.member(), url)).andReturn().getResponse().getContentAsString());
	}

	@Test
	void aSentInvoiceDueTodayBecomesOverdueAtMidnightWithoutAWriteAndTheCacheFollows() throws Exception {
		TestInvoice dueToday = fixtures.invoice(org, "250.00");
		fixtures.statusAndDue(dueToday.id(), "sent", today());
		TestInvoice draft = fixtures.invoice(org, "40.00");
		fixtures.statusAndDue(draft.id(), "draft", today());
		toSecondsBeforeMidnight(60);

		PageHtml list = html("/invoices");
		assertThat(list.row(dueToday.id()).has("invoice-overdue")).isFalse();
		assertThat(list.text("summary-overdue-count")).isEqualTo("0");
		assertThat(html("/invoices/" + dueToday.id()).has("invoice-overdue")).isFalse();
		assertThat(html("/invoices?view=overdue").has("invoice-row")).isFalse();
		clock.advance(Duration.ofSeconds(30));
		PageHtml cached = html("/invoices");
		assertThat(cached.time("list-fetched-at")).as("still before midnight: served from the cache")
			.isEqualTo(list.time("list-fetched-at"));

		clock.advance(Duration.ofSeconds(60));

		PageHtml after = html("/invoices");
		assertThat(after.row(dueToday.id()).has("invoice-overdue")).isTrue();
		assertThat(after.row(draft.id()).has("invoice-overdue")).as("only sent invoices fall overdue").isFalse();
		assertThat(after.text("summary-overdue-count")).isEqualTo("1");
		assertThat(after.attributes("summary-overdue-total")).containsEntry("data-value", "250.00");
		assertThat(html("/invoices/" + dueToday.id()).has("invoice-overdue")).isTrue();
		PageHtml overdue = html("/invoices?view=overdue");
		assertThat(overdue.hasRow(dueToday.id())).isTrue();
		assertThat(overdue.hasRow(draft.id())).isFalse();
		assertThat(fixtures.row(dueToday.id()).version()).as("no write").isEqualTo(1);
	}

	@Test
	void theOverdueViewIsKeysetPagedAndLeavesOutArchivedPaidAndNotYetDueInvoices() throws Exception {
		LocalDate lastWeek = today().minusDays(7);
		for (int i = 0; i < 27; i++) {
			fixtures.statusAndDue(fixtures.invoice(org, "10.00").id(), "sent", lastWeek);
		}
		TestInvoice archived = fixtures.invoice(org, "10.00");
		fixtures.statusAndDue(archived.id(), "sent", lastWeek);
		jdbc.sql("UPDATE invoices SET archived_at = updated_at WHERE id = ?").param(archived.id()).update();
		TestInvoice paid = fixtures.invoice(org, "10.00");
		fixtures.statusAndDue(paid.id(), "paid", lastWeek);
		TestInvoice notYetDue = fixtures.invoice(org, "10.00");
		fixtures.statusAndDue(notYetDue.id(), "sent", today());

		PageHtml first = html("/invoices?view=overdue");
		assertThat(first.count("data-testid=\"invoice-row\"")).isEqualTo(25);
		assertThat(first.count("data-testid=\"invoice-overdue\"")).isEqualTo(25);
		assertThat(first.has("view-tab-overdue")).isTrue();
		String next = first.attributes("next-page").get("href").replace("&amp;", "&");
		PageHtml second = html(next);
		assertThat(second.count("data-testid=\"invoice-row\"")).isEqualTo(2);
		assertThat(second.has("next-page")).isFalse();
		for (TestInvoice left : new TestInvoice[] { archived, paid, notYetDue }) {
			assertThat(first.hasRow(left.id()) || second.hasRow(left.id())).isFalse();
		}
		assertThat(first.text("summary-overdue-count")).isEqualTo("27");
		assertThat(first.text("summary-overdue-total")).isEqualTo("270.00");
	}

	@Test
	void markingAnOverdueInvoicePaidTakesItOffTheOverdueFiguresAtOnce() throws Exception {
		TestInvoice late = fixtures.invoice(org, "99.00");
		fixtures.statusAndDue(late.id(), "sent", today().minusDays(1));
		assertThat(html("/invoices").text("summary-overdue-count")).isEqualTo("1");

		mvc.perform(form(org.member(), "/invoices/" + late.id()).param("customerName", "Fixture Customer")
			.param("status", "paid")
			.param("total", "99.00")
			.param("version", "1")).andExpect(status().isSeeOther());

		PageHtml list = html("/invoices");
		assertThat(list.text("summary-overdue-count")).isEqualTo("0");
		assertThat(list.row(late.id()).has("invoice-overdue")).isFalse();
		assertThat(html("/invoices?view=overdue").hasRow(late.id())).isFalse();
	}

	@Test
	void aNewInvoiceFallsDueAfterItsOrgsPaymentTermsUnlessItSaysOtherwise() throws Exception {
		jdbc.sql("UPDATE orgs SET payment_terms_days = 14 WHERE id = ?").param(org.id()).update();
		assertThat(html("/invoices/new").toString()).contains("name=\"dueOn\" value=\"" + today().plusDays(14) + "\"");

		String defaulted = mvc
			.perform(form(org.member(), "/invoices").param("customerName", "Hooli")
				.param("issuedOn", "2026-11-10")
				.param("status", "sent")
				.param("lineDescription", "Audit")
				.param("lineQuantity", "1")
				.param("lineUnitPrice", "1,234.50"))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(html(defaulted).attributes("detail-due")).containsEntry("datetime", "2026-11-24");
		assertThat(html(defaulted).text("detail-total")).isEqualTo("1,234.50");

		String page = mvc
			.perform(form(org.member(), "/invoices").param("customerName", "Hooli")
				.param("issuedOn", "2026-11-10")
				.param("dueOn", "2026-11-09")
				.param("status", "sent")
				.param("lineDescription", "Audit")
				.param("lineQuantity", "1")
				.param("lineUnitPrice", "10"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-field=\"dueOn\"");
	}

}
