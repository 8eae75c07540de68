package io.ledgerline.inspector;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.ledgerline.caching.FetchedAt;
import io.ledgerline.caching.InvalidationLog;
import io.ledgerline.caching.InvalidationLogEntry;
import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.inspector.ListInvalidationMisuse;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.InvoiceRow;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;
import io.ledgerline.web.Toast;
import io.ledgerline.tagcache.testing.ManualClock;

/** The inspector's buttons drive the real flows, as the signed-in user. */
@IntegrationTest
class InspectorButtonsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ManualClock clock;

	@Autowired
	InvalidationLog invalidations;

	@Autowired
	ListInvalidationMisuse misuse;

	TestOrg org;

	TestInvoice older;

	TestInvoice newest;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		older = fixtures.invoice(org, "40.00");
		newest = fixtures.invoice(org, "100.00");
	}

	@AfterEach
	void misuseOff() {
		misuse.set(false);
	}

	@Test
	void editOneRunsTheRealUpdateAndTheRedirectShowsTheNewAmount() throws Exception {
		String listBefore = invoices(org.member()).time("list-fetched-at");
		long lastLogged = lastLoggedId();
		clock.advance(Duration.ofSeconds(1));

		MvcResult edit = mvc.perform(form(org.member(), "/inspector/edit-one"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices"))
			.andReturn();
		assertThat(toast(edit).kind()).isEqualTo(Toast.Kind.SUCCESS);
		assertThat(toast(edit).message()).contains(newest.number(), "100.00", "101.00");

		InvoiceRow row = fixtures.row(newest.id());
		assertThat(row.total()).isEqualByComparingTo("101.00");
		assertThat(row.version()).isEqualTo(2);
		assertThat(fixtures.row(older.id()).version()).isEqualTo(1);
		assertThat(fixtures.auditRows(newest.id(), "invoice.update")).isEqualTo(1);
		List<InvalidationLogEntry> logged = loggedSince(lastLogged);
		assertThat(logged)
			.extracting(InvalidationLogEntry::primitive, InvalidationLogEntry::target, InvalidationLogEntry::path,
					InvalidationLogEntry::source)
			.containsExactlyInAnyOrder(tuple("updateTag", InvoiceTags.list(org.id()), false, "action"),
					tuple("updateTag", InvoiceTags.record(org.id(), newest.id()), false, "action"),
					tuple("updateTag", InvoiceTags.summary(org.id()), false, "action"));

		clock.advance(Duration.ofSeconds(1));
		PageHtml list = invoices(org.member());
		assertThat(list.row(newest.id()).value("invoice-total")).isEqualTo("101.00");
		assertThat(list.time("list-fetched-at")).isNotEqualTo(listBefore).isEqualTo(now());
		assertThat(list.value("summary-total")).isEqualTo("141.00");
	}

	@Test
	void withMisuseOnTheRedirectShowsTheOldAmountWhileRecordAndSummaryAreFresh() throws Exception {
		String listBefore = invoices(org.admin()).time("list-fetched-at");
		PageHtml detailBefore = detail(org.admin(), newest.id());
		mvc.perform(form(org.admin(), "/inspector/misuse")).andExpect(status().isSeeOther());
		clock.advance(Duration.ofSeconds(1));

		MvcResult edit = mvc.perform(form(org.admin(), "/inspector/edit-one"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices"))
			.andReturn();
		assertThat(toast(edit).message()).contains("old amount");
		assertThat(fixtures.row(newest.id()).total()).isEqualByComparingTo("101.00");
		clock.advance(Duration.ofSeconds(1));

		PageHtml stale = invoices(org.admin());
		assertThat(stale.row(newest.id()).value("invoice-total")).isEqualTo("100.00");
		assertThat(stale.time("list-fetched-at")).isEqualTo(listBefore);
		assertThat(stale.value("summary-total")).isEqualTo("141.00");
		assertThat(stale.time("summary-fetched-at")).isNotEqualTo(detailBefore.time("summary-fetched-at"))
			.isEqualTo(now());
		PageHtml detail = detail(org.admin(), newest.id());
		assertThat(detail.value("detail-total")).isEqualTo("101.00");
		assertThat(detail.time("record-fetched-at")).isNotEqualTo(detailBefore.time("record-fetched-at"))
			.isEqualTo(now());

		mvc.perform(form(org.admin(), "/inspector/misuse")).andExpect(status().isSeeOther());
		assertThat(misuse.isOn(org.id())).isFalse();
		clock.advance(Duration.ofSeconds(1));
		mvc.perform(form(org.admin(), "/inspector/edit-one")).andExpect(status().isSeeOther());
		assertThat(fixtures.row(newest.id()).total()).isEqualByComparingTo("102.00");
		clock.advance(Duration.ofSeconds(1));

		PageHtml fresh = invoices(org.admin());
		assertThat(fresh.row(newest.id()).value("invoice-total")).isEqualTo("102.00");
		assertThat(fresh.time("list-fetched-at")).isEqualTo(now());
		assertThat(fresh.value("summary-total")).isEqualTo("142.00");
	}

	@Test
	void archiveOneArchivesTheNewestAndRestoreOneRestoresTheMostRecentlyArchived() throws Exception {
		mvc.perform(form(org.member(), "/inspector/archive-one"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/inspector"));
		assertThat(fixtures.row(newest.id()).archived()).isTrue();
		clock.advance(Duration.ofSeconds(1));
		// The newest active invoice is now the older one.
		mvc.perform(form(org.member(), "/inspector/archive-one")).andExpect(status().isSeeOther());
		assertThat(fixtures.row(older.id()).archived()).isTrue();
		assertThat(fixtures.auditRows(older.id(), "invoice.archive")).isEqualTo(1);
		clock.advance(Duration.ofSeconds(1));

		MvcResult restore = mvc.perform(form(org.member(), "/inspector/restore-one"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/inspector"))
			.andReturn();
		assertThat(toast(restore).message()).isEqualTo(older.number() + " restored.");
		assertThat(fixtures.row(older.id()).archived()).isFalse();
		assertThat(fixtures.row(newest.id()).archived()).isTrue();
		clock.advance(Duration.ofSeconds(1));

		mvc.perform(form(org.member(), "/inspector/restore-one")).andExpect(status().isSeeOther());
		assertThat(fixtures.row(newest.id()).archived()).isFalse();
		MvcResult none = mvc.perform(form(org.member(), "/inspector/restore-one"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/inspector"))
			.andReturn();
		assertThat(toast(none).kind()).isEqualTo(Toast.Kind.ERROR);
		assertThat(toast(none).message()).startsWith("Nothing to restore");
		assertThat(invoices(org.member()).value("summary-total")).isEqualTo("140.00");
	}

	@Test
	void deleteOneIsForAdminsOnly() throws Exception {
		long lastLogged = lastLoggedId();

		mvc.perform(form(org.member(), "/inspector/delete-one")).andExpect(status().isForbidden());
		InvoiceRow untouched = fixtures.row(newest.id());
		assertThat(untouched.deleted()).isFalse();
		assertThat(untouched.version()).isEqualTo(1);
		assertThat(fixtures.auditRows(newest.id())).isZero();
		assertThat(loggedSince(lastLogged)).isEmpty();

		mvc.perform(form(org.admin(), "/inspector/delete-one"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/inspector"));
		assertThat(fixtures.row(newest.id()).deleted()).isTrue();
		assertThat(fixtures.auditRows(newest.id(), "invoice.delete")).isEqualTo(1);
	}

	@Test
	void forceDriftBumpsTheVersionSoAnOpenFormConflicts() throws Exception {
		mvc.perform(form(org.member(), "/inspector/force-drift").param("id", Long.toString(older.id())))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/inspector"));
		assertThat(fixtures.row(older.id()).version()).isEqualTo(2);
		assertThat(fixtures.row(older.id()).total()).isEqualByComparingTo("40.00");
		assertThat(fixtures.auditRows(older.id(), "invoice.drift")).isEqualTo(1);

		mvc.perform(form(org.member(), "/invoices/" + older.id()).param("customerName", "Tab one")
			.param("status", "draft")
			.param("total", "41.00")
			.param("version", "1")).andExpect(status().isConflict());
	}

	@Test
	void forceDriftStaysInsideTheActiveOrg() throws Exception {
		TestOrg other = fixtures.org();
		TestInvoice elsewhere = fixtures.invoice(other, "9.00");

		mvc.perform(form(org.admin(), "/inspector/force-drift").param("id", Long.toString(elsewhere.id())))
			.andExpect(status().isNotFound());
		mvc.perform(form(org.admin(), "/inspector/force-drift")).andExpect(status().isBadRequest());
		mvc.perform(form(org.admin(), "/inspector/force-drift").param("id", "abc")).andExpect(status().isBadRequest());
		assertThat(fixtures.row(elsewhere.id()).version()).isEqualTo(1);
	}

	@Test
	void theButtonsActOnTheRowsCurrentVersionNotTheCachedOne() throws Exception {
		// A version change the cached list has not seen (written behind the cache's
		// back): the
		// button re-reads the row before acting, so it does not manufacture a conflict.
		invoices(org.admin());
		fixtures.drift(newest.id());

		mvc.perform(form(org.admin(), "/inspector/archive-one"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/inspector"));
		assertThat(fixtures.row(newest.id()).archived()).isTrue();
	}

	private PageHtml invoices(String email) throws Exception {
		return html(email, "/invoices");
	}

	private PageHtml detail(String email, long id) throws Exception {
		return html(email, "/invoices/" + id);
	}

	private PageHtml html(String email, String url) throws Exception {
		return new PageHtml(mvc.perform(page(email, url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private String now() {
		return FetchedAt.format(clock.instant());
	}

	private static Toast toast(MvcResult result) {
		return (Toast) result.getFlashMap().get(Toast.ATTRIBUTE);
	}

	private long lastLoggedId() {
		return invalidations.recentFor(org.id(), 1).stream().mapToLong(InvalidationLogEntry::id).findFirst().orElse(0);
	}

	private List<InvalidationLogEntry> loggedSince(long id) {
		return invalidations.recentFor(org.id(), 100).stream().filter(e -> e.id() > id).toList();
	}

}
