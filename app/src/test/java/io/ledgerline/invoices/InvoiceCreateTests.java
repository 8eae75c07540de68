package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.ledgerline.audit.AuditEntry;
import io.ledgerline.audit.AuditLog;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;

/**
 * Creating an invoice: the redirect lands on its detail page (number, lines, total), the
 * list and summary show it at once, the audit row names the creator, other orgs never see
 * it, and numbers continue each org's own series.
 */
@IntegrationTest
class InvoiceCreateTests {

	@Autowired
	ManualClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	TestOrg org;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		fixtures.invoice(org, "100.00");
	}

	/**
	 * Two lines; the second's product 1.50 × 99.99 = 149.985 rounds half-even to 149.98
	 * (half-up would give 149.99).
	 */
	static MockHttpServletRequestBuilder twoLines(MockHttpServletRequestBuilder request) {
		return request.param("customerName", "Initech, Inc.")
			.param("issuedOn", "2026-11-20")
			.param("status", "sent")
			.param("lineDescription", "Consulting, phase 1", "Licence")
			.param("lineQuantity", "2", "1.50")
			.param("lineUnitPrice", "150.00", "99.99");
	}

	@Test
	void aCreateLandsOnItsDetailPageWithNumberLinesAndTotal() throws Exception {
		// Warm the cached list and summary, so the create has something to invalidate.
		PageHtml before = html(org.member(), "/invoices");
		assertThat(before.text("summary-count")).isEqualTo("1");

		MvcResult created = mvc.perform(twoLines(form(org.member(), "/invoices")))
			.andExpect(status().isSeeOther())
			.andReturn();
		assertThat(((io.ledgerline.web.Toast) created.getFlashMap().get("toast")).message())
			.isEqualTo("INV-1001 created.");
		String location = created.getResponse().getHeader("Location");
		assertThat(location).matches("/invoices/\\d+");
		long id = Long.parseLong(location.substring("/invoices/".length()));

		PageHtml detail = html(org.member(), location);
		assertThat(detail.text("invoice-heading")).isEqualTo("INV-1001");
		assertThat(detail.text("detail-customer")).isEqualTo("Initech, Inc.");
		assertThat(detail.text("detail-status")).isEqualTo("sent");
		assertThat(detail.text("detail-total")).isEqualTo("449.98");
		assertThat(detail.count("data-testid=\"line-item\"")).isEqualTo(2);
		assertThat(detail.toString()).contains("Consulting, phase 1").contains("149.98").contains("300.00");
		assertThat(detail.text("lines-sum")).isEqualTo("449.98");
		assertThat(detail.has("lines-total-differs")).isFalse();

		PageHtml list = html(org.member(), "/invoices");
		assertThat(list.text("summary-count")).isEqualTo("2");
		assertThat(list.text("summary-total")).isEqualTo("549.98");
		assertThat(list.attributes("invoice-row").get("data-invoice-id")).isEqualTo(Long.toString(id));
		assertThat(list.row(id).toString()).contains("INV-1001");
		assertThat(list.row(id).text("invoice-total")).isEqualTo("449.98");

		Fixtures.InvoiceRow row = fixtures.row(id);
		assertThat(row.version()).isEqualTo(1);
		assertThat(row.archived()).isFalse();
		assertThat(row.total()).isEqualByComparingTo("449.98");
		LocalDate issued = jdbc.sql("SELECT issued_on FROM invoices WHERE id = ?")
			.param(id)
			.query(LocalDate.class)
			.single();
		assertThat(issued).isEqualTo(LocalDate.of(2026, 11, 20));
	}

	@Test
	void aMemberMayCreateAndTheAuditRowNamesThem() throws Exception {
		long id = createdId(mvc.perform(twoLines(form(org.member(), "/invoices"))).andReturn());

		List<AuditEntry> entries = audit.forSubject(org.id(), "invoice", Long.toString(id));
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).action()).isEqualTo("invoice.create");
		assertThat(entries.get(0).actorEmail()).isEqualTo(org.member());
		assertThat(entries.get(0).detail()).contains("INV-1001").contains("449.98");
	}

	@Test
	void anotherOrgNeverSeesIt() throws Exception {
		TestOrg other = fixtures.org();
		long id = createdId(mvc.perform(twoLines(form(org.admin(), "/invoices"))).andReturn());

		mvc.perform(page(other.admin(), "/invoices/" + id)).andExpect(status().isNotFound());
		PageHtml list = html(other.admin(), "/invoices?view=all");
		assertThat(list.hasRow(id)).isFalse();
		assertThat(list.text("summary-count")).isEqualTo("0");
		// The other org's series is its own: its first create is INV-1001 too.
		long theirs = createdId(mvc.perform(twoLines(form(other.admin(), "/invoices"))).andReturn());
		assertThat(html(other.admin(), "/invoices/" + theirs).text("invoice-heading")).isEqualTo("INV-1001");
	}

	@Test
	void askedForJsonItAnswers201WithTheInvoiceAndItsLocation() throws Exception {
		MvcResult result = mvc.perform(twoLines(formJson(org.member(), "/invoices")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.data.number").value("INV-1001"))
			.andExpect(jsonPath("$.data.total").value(449.98))
			.andExpect(jsonPath("$.data.status").value("sent"))
			.andExpect(jsonPath("$.data.version").value(1))
			.andReturn();
		Number id = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.data.id");
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/invoices/" + id);
	}

	@Test
	void numbersContinueTheOrgsNewestNumberKeepingItsWidth() throws Exception {
		TestOrg globex = fixtures.org();
		insertNumbered(globex, "GLX-2020");
		long first = createdId(mvc.perform(twoLines(form(globex.member(), "/invoices"))).andReturn());
		long second = createdId(mvc.perform(twoLines(form(globex.member(), "/invoices"))).andReturn());
		assertThat(number(first)).isEqualTo("GLX-2021");
		assertThat(number(second)).isEqualTo("GLX-2022");

		TestOrg padded = fixtures.org();
		insertNumbered(padded, "INV-0099");
		assertThat(number(createdId(mvc.perform(twoLines(form(padded.member(), "/invoices"))).andReturn())))
			.isEqualTo("INV-0100");
	}

	@Test
	void aNumberAlreadyTakenIsSkippedNeverDuplicated() throws Exception {
		TestOrg taken = fixtures.org();
		insertNumbered(taken, "INV-1060");
		createdId(mvc.perform(twoLines(form(taken.member(), "/invoices"))).andReturn()); // INV-1061
		// Something outside the counter (an import, say) takes the next two numbers.
		insertNumbered(taken, "INV-1062");
		insertNumbered(taken, "INV-1063");
		long next = createdId(mvc.perform(twoLines(form(taken.member(), "/invoices"))).andReturn());
		assertThat(number(next)).isEqualTo("INV-1064");
	}

	@Test
	void anEditThatSetsATotalBooksTheDifferenceAsAnAdjustmentLine() throws Exception {
		long id = createdId(mvc.perform(twoLines(form(org.member(), "/invoices"))).andReturn());
		mvc.perform(form(org.member(), "/invoices/" + id).param("customerName", "Initech, Inc.")
			.param("status", "sent")
			.param("total", "500.00")
			.param("version", "1")).andExpect(status().isSeeOther());

		PageHtml detail = html(org.member(), "/invoices/" + id);
		assertThat(detail.text("detail-total")).isEqualTo("500.00");
		assertThat(detail.text("lines-sum")).isEqualTo("500.00");
		assertThat(detail.has("lines-total-differs")).isFalse();
		assertThat(detail.count("data-testid=\"line-item\"")).isEqualTo(3);
		assertThat(detail.toString()).contains("Adjustment");
	}

	@Test
	void theListLinksToTheFormAndTheFormCarriesCsrfAndDefaults() throws Exception {
		PageHtml list = html(org.member(), "/invoices");
		assertThat(list.attributes("new-invoice-link").get("href")).isEqualTo("/invoices/new");
		assertThat(list.attributes("export-csv").get("href")).isEqualTo("/invoices.csv?view=active");

		PageHtml blank = html(org.member(), "/invoices/new");
		assertThat(blank.formsPostingTo("/invoices")).isEqualTo(1);
		assertThat(blank.count("data-testid=\"new-line\"")).isEqualTo(2); // one row + the
																			// template's
		// The app clock's today (the shared clock may have moved on: other tests advance
		// it).
		assertThat(blank.toString())
			.contains("value=\"" + LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC) + "\"")
			.containsPattern("value=\"draft\"\\s+selected=\"selected\"");
	}

	@Test
	void withoutJavaScriptAddAndRemoveRerenderTheFormWithItsValuesAndWriteNothing() throws Exception {
		int invoicesBefore = invoiceCount(org);
		PageHtml added = new PageHtml(mvc
			.perform(form(org.member(), "/invoices").param("customerName", "Kept Name")
				.param("issuedOn", "2026-11-20")
				.param("status", "paid")
				.param("lineDescription", "First, kept")
				.param("lineQuantity", "3")
				.param("lineUnitPrice", "10.00")
				.param("addLine", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		// Two rows in the form (plus the template's), the first one as typed.
		assertThat(added.count("data-testid=\"new-line\"")).isEqualTo(3);
		assertThat(added.toString()).contains("value=\"Kept Name\"")
			.contains("value=\"First, kept\"")
			.containsPattern("value=\"paid\"\\s+selected=\"selected\"")
			.doesNotContain("data-testid=\"field-error\"");

		PageHtml removed = new PageHtml(mvc
			.perform(form(org.member(), "/invoices").param("customerName", "Kept Name")
				.param("issuedOn", "2026-11-20")
				.param("status", "paid")
				.param("lineDescription", "First, kept", "Second, removed")
				.param("lineQuantity", "3", "1")
				.param("lineUnitPrice", "10.00", "5.00")
				.param("removeLine", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(removed.count("data-testid=\"new-line\"")).isEqualTo(2);
		assertThat(removed.toString()).contains("First, kept").doesNotContain("Second, removed");
		assertThat(invoiceCount(org)).isEqualTo(invoicesBefore);
	}

	private PageHtml html(String email, String url) throws Exception {
		return new PageHtml(mvc.perform(page(email, url))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("text/html")))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static long createdId(MvcResult result) {
		assertThat(result.getResponse().getStatus()).isEqualTo(303);
		String location = result.getResponse().getHeader("Location");
		return Long.parseLong(location.substring("/invoices/".length()));
	}

	private String number(long id) {
		return jdbc.sql("SELECT invoice_number FROM invoices WHERE id = ?").param(id).query(String.class).single();
	}

	private int invoiceCount(TestOrg org) {
		return jdbc.sql("SELECT COUNT(*) FROM invoices WHERE org_id = ?").param(org.id()).query(Integer.class).single();
	}

	private void insertNumbered(TestOrg org, String number) {
		jdbc.sql(
				"""
						INSERT INTO invoices (org_id, invoice_number, customer_name, status, total, issued_on, due_on, version, created_at, updated_at)
						VALUES (?, ?, 'Imported', 'draft', 0, DATE '2026-11-01', DATE '2026-12-01', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.params(org.id(), number)
			.update();
	}

}
