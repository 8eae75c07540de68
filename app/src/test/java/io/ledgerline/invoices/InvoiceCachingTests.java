package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.inspector.ListInvalidationMisuse;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;
import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.tenancy.Membership;
import io.ledgerline.tenancy.Role;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.invoices.write.InvoiceEditing;

/**
 * Read-your-writes through HTTP: the page a user is redirected to after a write shows the
 * write, and exactly the reads that write touched were reloaded.
 */
@IntegrationTest
class InvoiceCachingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ManualClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ListInvalidationMisuse misuse;

	@Autowired
	InvoiceEditing service;

	@Autowired
	TransactionTemplate tx;

	TestOrg org;

	TestInvoice a;

	TestInvoice b;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		a = fixtures.invoice(org, "100.00");
		b = fixtures.invoice(org, "200.00");
	}

	@AfterEach
	void misuseOff() {
		misuse.set(false);
	}

	@Test
	void aReloadWithoutWritesKeepsEveryTimestamp() throws Exception {
		PageHtml first = detail(a);
		clock.advance(Duration.ofSeconds(30));
		PageHtml second = detail(a);
		for (String hook : List.of("list-fetched-at", "record-fetched-at", "summary-fetched-at")) {
			assertThat(second.time(hook)).as(hook).isEqualTo(first.time(hook));
		}
	}

	@Test
	void anEditsRedirectShowsTheNewTotalWithFreshListAndSummary() throws Exception {
		PageHtml before = list();
		clock.advance(Duration.ofSeconds(1));

		PageHtml after = list(edit(a, "150.00", 1));

		assertThat(after.row(a.id()).value("invoice-total")).isEqualTo("150.00");
		assertThat(after.value("summary-total")).isEqualTo("350.00");
		assertThat(after.time("list-fetched-at")).isGreaterThan(before.time("list-fetched-at"));
		assertThat(after.time("summary-fetched-at")).isGreaterThan(before.time("summary-fetched-at"));
	}

	@Test
	void editingOneInvoiceReloadsItsRecordAndLeavesTheOthersAlone() throws Exception {
		String aBefore = detail(a).time("record-fetched-at");
		String bBefore = detail(b).time("record-fetched-at");
		clock.advance(Duration.ofSeconds(1));

		edit(a, "101.00", 1);

		PageHtml aAfter = detail(a);
		assertThat(aAfter.time("record-fetched-at")).isGreaterThan(aBefore);
		assertThat(aAfter.value("detail-total")).isEqualTo("101.00");
		assertThat(detail(b).time("record-fetched-at")).isEqualTo(bBefore);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "archive, 1, false, member", "delete, 1, false, admin" })
	void lifecycleActionsAdvanceListAndSummaryAndMoveTheRowOutOfActive(String action, long version, boolean stays,
			String who) throws Exception {
		PageHtml before = list();
		assertThat(before.hasRow(a.id())).isTrue();
		clock.advance(Duration.ofSeconds(1));

		PageHtml after = follow(mvc
			.perform(form(email(who), "/invoices/" + a.id() + "/" + action).param("version", Long.toString(version))
				.param("view", "active")
				// the delete's second step (archive takes no confirmation and ignores it)
				.param("confirm", "yes"))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getRedirectedUrl());

		assertThat(after.hasRow(a.id())).isEqualTo(stays);
		assertThat(after.text("summary-count")).isEqualTo("1");
		assertThat(after.time("list-fetched-at")).isGreaterThan(before.time("list-fetched-at"));
		assertThat(after.time("summary-fetched-at")).isGreaterThan(before.time("summary-fetched-at"));
	}

	@Test
	void restoreAdvancesListAndSummaryAndBringsTheRowBack() throws Exception {
		mvc.perform(form(org.member(), "/invoices/" + a.id() + "/archive").param("version", "1"))
			.andExpect(status().isSeeOther());
		PageHtml before = list();
		assertThat(before.hasRow(a.id())).isFalse();
		clock.advance(Duration.ofSeconds(1));

		PageHtml after = follow(mvc
			.perform(form(org.member(), "/invoices/" + a.id() + "/restore").param("version", "2")
				.param("view", "active"))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getRedirectedUrl());

		assertThat(after.hasRow(a.id())).isTrue();
		assertThat(after.value("summary-total")).isEqualTo("300.00");
		assertThat(after.time("list-fetched-at")).isGreaterThan(before.time("list-fetched-at"));
		assertThat(after.time("summary-fetched-at")).isGreaterThan(before.time("summary-fetched-at"));
	}

	@Test
	void anEditInOneOrgLeavesAnotherOrgsCachedListAlone() throws Exception {
		TestOrg other = fixtures.org();
		fixtures.invoice(other, "9.00");
		String otherBefore = html(other.member(), "/invoices").time("list-fetched-at");
		clock.advance(Duration.ofSeconds(1));

		edit(a, "111.00", 1);

		assertThat(html(other.member(), "/invoices").time("list-fetched-at")).isEqualTo(otherBefore);
	}

	@Test
	void eachWriteLogsExactlyThreeActionTagInvalidationsAfterItsCommit() throws Exception {
		long mark = lastLogId();

		edit(a, "120.00", 1);

		assertThat(tagLogSince(mark)).containsExactlyInAnyOrder("updateTag action " + InvoiceTags.list(org.id()),
				"updateTag action " + InvoiceTags.record(org.id(), a.id()),
				"updateTag action " + InvoiceTags.summary(org.id()));
		// By tag only: no invoice page is cached whole, so there is no path to
		// revalidate.
		assertThat(pathLogSince(mark)).isEmpty();

		long afterEdit = lastLogId();
		mvc.perform(form(org.member(), "/invoices/" + a.id() + "/archive").param("version", "2"))
			.andExpect(status().isSeeOther());
		assertThat(tagLogSince(afterEdit)).hasSize(3).allMatch(e -> e.startsWith("updateTag action "));
	}

	@Test
	void aRefusedWriteInvalidatesAndLogsNothing() throws Exception {
		PageHtml before = list();
		long mark = lastLogId();
		fixtures.drift(a.id());
		clock.advance(Duration.ofSeconds(1));

		mvc.perform(form(org.member(), "/invoices/" + a.id()).param("customerName", "X")
			.param("status", "paid")
			.param("total", "1.00")
			.param("version", "1")).andExpect(status().isConflict());
		mvc.perform(form(org.member(), "/invoices/" + a.id() + "/delete").param("version", "2"))
			.andExpect(status().isForbidden());

		assertThat(lastLogId()).isEqualTo(mark);
		assertThat(list().time("list-fetched-at")).isEqualTo(before.time("list-fetched-at"));
	}

	@Test
	void aWriteWhoseTransactionRollsBackAfterAskingForInvalidationsChangesNoTimestampAndNoLog() throws Exception {
		PageHtml listBefore = list();
		PageHtml detailBefore = detail(a);
		long mark = lastLogId();
		clock.advance(Duration.ofSeconds(1));
		ActingUser member = new ActingUser(userId(org.member()), org.member(), "member",
				new Membership(org.id(), "Org", Role.MEMBER), List.of(new Membership(org.id(), "Org", Role.MEMBER)));

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			tx.executeWithoutResult(status -> {
				service.update(member, a.id(),
						InvoiceEdit.totalOnly("Rolled back", InvoiceStatus.SENT, new java.math.BigDecimal("999.00")), 1,
						false);
				status.setRollbackOnly();
			});
		}

		assertThat(fixtures.row(a.id()).total()).isEqualByComparingTo("100.00");
		assertThat(lastLogId()).isEqualTo(mark);
		PageHtml listAfter = list();
		PageHtml detailAfter = detail(a);
		assertThat(listAfter.time("list-fetched-at")).isEqualTo(listBefore.time("list-fetched-at"));
		assertThat(detailAfter.time("record-fetched-at")).isEqualTo(detailBefore.time("record-fetched-at"));
		assertThat(detailAfter.time("summary-fetched-at")).isEqualTo(detailBefore.time("summary-fetched-at"));
	}

	@Test
	void withMisuseOnTheRedirectShowsTheOldAmountWhileRecordAndSummaryAreFresh() throws Exception {
		PageHtml before = list();
		PageHtml detailBefore = detail(a);
		clock.advance(Duration.ofSeconds(1));
		misuse.set(true);

		long mark = lastLogId();
		PageHtml after = list(edit(a, "175.00", 1));

		assertThat(after.row(a.id()).value("invoice-total")).isEqualTo("100.00");
		assertThat(after.time("list-fetched-at")).isEqualTo(before.time("list-fetched-at"));
		assertThat(after.value("summary-total")).isEqualTo("375.00");
		assertThat(after.time("summary-fetched-at")).isGreaterThan(before.time("summary-fetched-at"));
		assertThat(detail(a).time("record-fetched-at")).isGreaterThan(detailBefore.time("record-fetched-at"));
		assertThat(tagLogSince(mark)).contains("revalidateTag action " + InvoiceTags.list(org.id()));

		misuse.set(false);
		clock.advance(Duration.ofSeconds(1));
		PageHtml fixed = list(edit(a, "180.00", 2));
		assertThat(fixed.row(a.id()).value("invoice-total")).isEqualTo("180.00");
	}

	private String edit(TestInvoice invoice, String total, long version) throws Exception {
		return mvc
			.perform(form(org.member(), "/invoices/" + invoice.id()).param("customerName", "Fixture Customer")
				.param("status", "sent")
				.param("total", total)
				.param("version", Long.toString(version)))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private PageHtml list() throws Exception {
		return html(org.member(), "/invoices");
	}

	private PageHtml list(String redirectedTo) throws Exception {
		assertThat(redirectedTo).isEqualTo("/invoices");
		return follow(redirectedTo);
	}

	private PageHtml follow(String url) throws Exception {
		return html(org.admin(), url);
	}

	private PageHtml detail(TestInvoice invoice) throws Exception {
		return html(org.member(), "/invoices/" + invoice.id());
	}

	private PageHtml html(String email, String url) throws Exception {
		return new PageHtml(mvc.perform(page(email, url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private String email(String who) {
		return who.equals("admin") ? org.admin() : org.member();
	}

	private long userId(String email) {
		return jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
	}

	private long lastLogId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM invalidation_log").query(Long.class).single();
	}

	/**
	 * Tag entries since {@code mark} for this test's org (other tests' entries are
	 * filtered out).
	 */
	private List<String> tagLogSince(long mark) {
		return jdbc.sql("""
				SELECT primitive || ' ' || source || ' ' || target FROM invalidation_log
				WHERE id > ? AND is_path = FALSE AND target LIKE ? ORDER BY id""")
			.params(mark, "org:" + org.id() + ":%")
			.query(String.class)
			.list();
	}

	private List<String> pathLogSince(long mark) {
		return jdbc.sql("""
				SELECT primitive || ' ' || source || ' ' || target FROM invalidation_log
				WHERE id > ? AND is_path = TRUE ORDER BY id""").param(mark).query(String.class).list();
	}

}
