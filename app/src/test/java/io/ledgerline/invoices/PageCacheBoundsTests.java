package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.json;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;
import io.ledgerline.tagcache.TagCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The cache stays the size of what it shows: a page re-rendered after a write replaces
 * its entry, a write to one invoice leaves the other invoices' pages alone, and no cursor
 * anyone makes up creates an entry. The clock stands still, so no sweep of dead entries
 * runs between the writes of one test: what stays flat stays flat by its keys.
 */
@IntegrationTest
class PageCacheBoundsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TagCache cache;

	@Autowired
	MeterRegistry meters;

	TestOrg org;

	List<TestInvoice> invoices;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		invoices = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			invoices.add(fixtures.invoice(org, (100 + i) + ".00"));
		}
	}

	@Test
	void editsReplaceTheirPagesInPlaceSoTheEntryCountDoesNotGrow() throws Exception {
		TestInvoice a = invoices.get(59);
		html("/invoices");
		html("/invoices/" + a.id());
		// The first write of the test may sweep; from here on the clock stands still.
		edit(a, 1, "500.00");
		html("/invoices");
		html("/invoices/" + a.id());
		long before = cache.estimatedSize();

		for (int version = 2; version <= 6; version++) {
			edit(a, version, (500 + version) + ".00");
			assertThat(html("/invoices").row(a.id()).text("invoice-total")).isEqualTo((500 + version) + ".00");
			assertThat(html("/invoices/" + a.id()).text("detail-total")).isEqualTo((500 + version) + ".00");
		}

		assertThat(cache.estimatedSize()).as("five edits, the same pages and reads: no new entries")
			.isLessThanOrEqualTo(before);
	}

	@Test
	void editingOneInvoiceLeavesAnotherInvoicesDetailPageAsItWas() throws Exception {
		TestInvoice a = invoices.get(59);
		TestInvoice b = invoices.get(58);
		PageHtml before = html("/invoices/" + b.id());
		double renders = detailRenders();

		edit(a, 1, "999.00");
		PageHtml after = html("/invoices/" + b.id());

		assertThat(detailRenders()).as("B's page is served from its entry").isEqualTo(renders);
		assertThat(after.time("record-fetched-at")).isEqualTo(before.time("record-fetched-at"));
		// The demo strip still tells when the org's list and summary were loaded: holes,
		// filled per request.
		assertThat(after.time("list-fetched-at")).isNotBlank();
		assertThat(after.time("summary-fetched-at")).isNotBlank();
		assertThat(html("/invoices/" + a.id()).text("detail-total")).isEqualTo("999.00");
		assertThat(detailRenders()).as("A's page is rendered again").isEqualTo(renders + 1);
	}

	@Test
	void aCursorFloodCreatesNoEntries() throws Exception {
		html("/invoices");
		// The member's own first request caches who they are (one entry, not a page's).
		mvc.perform(page(org.member(), "/invoices")).andExpect(status().isOk());
		long before = cache.estimatedSize();
		TestOrg other = fixtures.org();
		TestInvoice foreign = fixtures.invoice(other, "1.00");

		for (int i = 0; i < 40; i++) {
			long madeUp = invoices.get(0).id() + i * 7919L + 3;
			// Every row's id but the two that end a page (ranks 24 and 49): those are
			// real pages, cached as such.
			int rank = 59 - i;
			long ownRow = invoices.get(rank % 25 == 24 ? i + 1 : i).id();
			for (String cursor : List.of(PageCursor.encode(madeUp), PageCursor.encode(ownRow),
					PageCursor.encode(foreign.id()))) {
				int status = mvc.perform(page(org.member(), "/invoices?cursor=" + cursor))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(status).as("a cursor that starts no page is answered, never a 5xx").isIn(200, 303);
			}
		}

		assertThat(cache.estimatedSize()).as("no entry for any of 120 cursors").isLessThanOrEqualTo(before);
	}

	@Test
	void aCursorThatStartsNoPageLeadsToThePageHoldingItsRows() throws Exception {
		// Newest first: rank 0 is the last invoice made. 60 rows: pages of 25, 25, 10.
		TestInvoice rank10 = invoices.get(59 - 10);
		TestInvoice rank24 = invoices.get(59 - 24);
		TestInvoice rank30 = invoices.get(59 - 30);
		TestInvoice rank49 = invoices.get(59 - 49);
		TestInvoice rank59 = invoices.get(0);

		assertThat(redirect("/invoices?cursor=" + PageCursor.encode(rank10.id()))).isEqualTo("/invoices?view=active");
		assertThat(redirect("/invoices?cursor=" + PageCursor.encode(rank30.id())))
			.isEqualTo("/invoices?view=active&cursor=" + PageCursor.encode(rank24.id()));
		assertThat(redirect("/invoices?cursor=" + PageCursor.encode(rank59.id()))).as("past the end: the last page")
			.isEqualTo("/invoices?view=active&cursor=" + PageCursor.encode(rank49.id()));

		// The real boundaries are pages, and cached as such.
		PageHtml first = html("/invoices");
		String next = first.attributes("next-page").get("href");
		assertThat(next).contains(PageCursor.encode(rank24.id()));
		PageHtml second = html("/invoices?cursor=" + PageCursor.encode(rank24.id()));
		assertThat(second.hasRow(rank30.id())).isTrue();
		mvc.perform(json(org.member(), "/invoices?cursor=" + PageCursor.encode(rank10.id())))
			.andExpect(status().isSeeOther());
	}

	private double detailRenders() {
		Counter counter = meters.find("ledgerline.pages.rendered").tag("template", "invoices/detail").counter();
		return counter == null ? 0 : counter.count();
	}

	private void edit(TestInvoice invoice, long version, String total) throws Exception {
		mvc.perform(form(org.admin(), "/invoices/" + invoice.id()).param("customerName", "Edited Ltd")
			.param("status", "sent")
			.param("total", total)
			.param("version", Long.toString(version))).andExpect(status().isSeeOther());
	}

	private String redirect(String url) throws Exception {
		return mvc.perform(page(org.member(), url))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private PageHtml html(String url) throws Exception {
		return new PageHtml(mvc.perform(page(org.admin(), url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
