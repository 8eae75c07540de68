package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * {@code GET /invoices.csv?view=…}: the list view's rows (every page, in the list's
 * order), spreadsheet-safe cells, UTF-8 with a BOM, and the list's authorization and
 * tenancy.
 */
@IntegrationTest
class InvoiceCsvExportTests {

	private static final String BOM = "\uFEFF";

	@Autowired
	ManualClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	TestOrg org;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
	}

	@Test
	void theExportsRowsAreTheListViewsRowsOnEveryPageAcrossSeveralBatches() throws Exception {
		// More rows than one export batch, so the keyset walk between batches is
		// exercised; a few archived, so the views differ.
		int rows = InvoiceCsvExport.BATCH + 37;
		bulkInsert(org, rows);
		jdbc.sql("UPDATE invoices SET archived_at = CURRENT_TIMESTAMP WHERE org_id = ? AND MOD(id, 10) = 3")
			.param(org.id())
			.update();

		for (String view : List.of("active", "archived", "all")) {
			List<List<String>> csv = csv(org.admin(), "/invoices.csv?view=" + view);
			List<String> exported = csv.subList(1, csv.size()).stream().map(r -> r.get(0)).toList();
			assertThat(exported).as(view).containsExactlyElementsOf(listNumbers(org.admin(), view));
		}
		assertThat(csv(org.admin(), "/invoices.csv?view=all")).hasSize(rows + 1);
	}

	@Test
	void theHeaderAndCellsAreWhatASpreadsheetUserExpects() throws Exception {
		// The shared clock may have moved on (other tests advance it): what it says now.
		Instant now = clock.instant();
		String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
		String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(now);
		TestInvoice invoice = fixtures.invoice(org, "12000.00");
		MvcResult result = mvc.perform(get("/invoices.csv").with(user(org.member())))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
			.contains("invoices-" + org.id() + "-active-" + today + ".csv");
		byte[] body = result.getResponse().getContentAsByteArray();
		assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).startsWith(BOM
				+ "Invoice number,Customer,Issue date,Status,Total,Lifecycle,Created (UTC),Updated (UTC),Due date\r\n");
		assertThat(text).contains("\r\n" + invoice.number() + ",Fixture Customer,2026-11-01,draft,12000.00,active,"
				+ stamp + "," + stamp + ",2026-12-01\r\n");
	}

	@Test
	void formulaLookingCellsAreNeutralisedAndSpecialCharactersQuoted() throws Exception {
		List<String> names = List.of("=HYPERLINK(\"http://x.test\",\"click\")", "+1+2", "-3", "@SUM(A1)",
				"Smith, \"Jr\" & Sons", "Zoë Café");
		for (String name : names) {
			create(name);
		}
		String text = new String(mvc.perform(get("/invoices.csv?view=active").with(user(org.member())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		List<String> customers = parse(text).stream().skip(1).map(r -> r.get(1)).toList();
		assertThat(customers).containsExactlyInAnyOrder("'=HYPERLINK(\"http://x.test\",\"click\")", "'+1+2", "'-3",
				"'@SUM(A1)", "Smith, \"Jr\" & Sons", "Zoë Café");
		assertThat(text).contains("\"'=HYPERLINK(\"\"http://x.test\"\",\"\"click\"\")\"")
			.contains("\"Smith, \"\"Jr\"\" & Sons\"");
		assertThat(InvoiceCsvExport.text("\tTabbed")).isEqualTo("'\tTabbed");
		assertThat(InvoiceCsvExport.text("\rReturn")).isEqualTo("'\rReturn");
		assertThat(InvoiceCsvExport.text("Plain")).isEqualTo("Plain");
	}

	@Test
	void globexsExportNeverContainsAcmesInvoices() throws Exception {
		List<List<String>> csv = csv("hank@globex.test", "/invoices.csv?view=all");
		List<String> numbers = csv.stream().skip(1).map(r -> r.get(0)).toList();
		int globexInvoices = jdbc.sql("SELECT COUNT(*) FROM invoices WHERE org_id = 'globex'")
			.query(Integer.class)
			.single();
		assertThat(numbers).hasSize(globexInvoices).allMatch(n -> !n.startsWith("INV-"));
		assertThat(numbers).contains("GLX-2001", "GLX-2020");

		TestOrg other = fixtures.org();
		TestInvoice mine = fixtures.invoice(org, "5.00");
		fixtures.invoice(other, "6.00");
		assertThat(csv(other.admin(), "/invoices.csv?view=all")).hasSize(2)
			.noneMatch(r -> r.get(0).equals(mine.number()));
	}

	@Test
	void theAllViewIsForAdminsAndABadViewIsABadRequest() throws Exception {
		fixtures.invoice(org, "5.00");
		mvc.perform(get("/invoices.csv?view=all").with(user(org.member()))).andExpect(status().isForbidden());
		mvc.perform(get("/invoices.csv?view=all").with(user(org.admin()))).andExpect(status().isOk());
		mvc.perform(get("/invoices.csv?view=archived").with(user(org.member()))).andExpect(status().isOk());
		mvc.perform(get("/invoices.csv?view=everything").with(user(org.admin()))).andExpect(status().isBadRequest());
		// Signed out: the login page (a browser) or 401, never the file.
		MvcResult anonymous = mvc.perform(get("/invoices.csv")).andReturn();
		assertThat(anonymous.getResponse().getStatus()).isIn(302, 303, 401);
		assertThat(anonymous.getResponse().getContentAsString()).doesNotContain("Invoice number");
	}

	@Test
	void aSearchExportsTheRowsTheSearchListsAndNoOthers() throws Exception {
		for (String name : List.of("Émile Zola", "Emile Durand", "Zola Books", "Acme Corp")) {
			create(name);
		}
		String listed = mvc.perform(json(org.member(), "/invoices?view=active&q=emile"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> searched = JsonPath.read(listed, "$.data.rows[*].number");
		assertThat(searched).hasSize(2);

		MvcResult result = mvc.perform(get("/invoices.csv?view=active&q=emile").with(user(org.member())))
			.andExpect(status().isOk())
			.andReturn();
		List<List<String>> csv = parse(
				new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
		assertThat(csv.subList(1, csv.size()).stream().map(r -> r.get(0)).toList()).containsExactlyElementsOf(searched);
		assertThat(csv.stream().skip(1).map(r -> r.get(1))).containsExactlyInAnyOrder("Émile Zola", "Emile Durand");
		// The name says it is a search, without saying what was searched.
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("-active-search-")
			.doesNotContain("emile");
		// Two words narrow it as they do on the list; a blank q is the whole view.
		assertThat(csv(org.member(), "/invoices.csv?view=active&q=zola+emi")).hasSize(2);
		assertThat(csv(org.member(), "/invoices.csv?view=active&q=+")).hasSize(5);
	}

	@Test
	void theListLinksTheExportOfWhatItShows() throws Exception {
		create("Émile Zola");
		String plain = mvc.perform(get("/invoices?view=active").with(user(org.member())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(plain).contains("href=\"/invoices.csv?view=active\"").contains("Export this view (CSV)");
		String searched = mvc
			.perform(get("/invoices").param("view", "active").param("q", "émile z").with(user(org.member())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(searched).contains("href=\"/invoices.csv?view=active&amp;q=%C3%A9mile%20z\"")
			.contains("Export these results (CSV)")
			.doesNotContain("Export this view (CSV)");
	}

	@Test
	void aBadSearchIsABadRequestBeforeAnyByte() throws Exception {
		MvcResult tooLong = mvc.perform(get("/invoices.csv?q=" + "a".repeat(101)).with(user(org.member())))
			.andExpect(status().isBadRequest())
			.andReturn();
		assertThat(tooLong.getResponse().getContentAsString()).contains("q is too long")
			.doesNotContain("Invoice number");
		mvc.perform(get("/invoices.csv").param("q", "a\u0007b").with(user(org.member())))
			.andExpect(status().isBadRequest());
		// A member's search of the admins' view is refused like the view itself.
		mvc.perform(get("/invoices.csv?view=all&q=acme").with(user(org.member()))).andExpect(status().isForbidden());
	}

	private void create(String customer) throws Exception {
		mvc.perform(form(org.member(), "/invoices").param("customerName", customer)
			.param("issuedOn", "2026-11-20")
			.param("status", "draft")
			.param("lineDescription", "Work")
			.param("lineQuantity", "1")
			.param("lineUnitPrice", "1.00")).andExpect(status().isSeeOther());
	}

	/** The numbers of every row of a list view, following its next-page cursors. */
	private List<String> listNumbers(String email, String view) throws Exception {
		List<String> numbers = new ArrayList<>();
		String cursor = null;
		do {
			String url = "/invoices?view=" + view + (cursor == null ? "" : "&cursor=" + cursor);
			String body = mvc.perform(json(email, url))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			numbers.addAll(JsonPath.read(body, "$.data.rows[*].number"));
			cursor = JsonPath.read(body, "$.data.nextCursor");
		}
		while (cursor != null);
		return numbers;
	}

	private List<List<String>> csv(String email, String url) throws Exception {
		byte[] body = mvc.perform(get(url).with(user(email)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).startsWith(BOM);
		return parse(text);
	}

	/** A strict RFC 4180 reader (CRLF rows, quoted cells with doubled quotes). */
	static List<List<String>> parse(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int i = text.startsWith(BOM) ? 1 : 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i += 2;
					continue;
				}
				if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i += 2;
				continue;
			}
			else {
				cell.append(c);
			}
			i++;
		}
		assertThat(cell).isEmpty();
		assertThat(row).isEmpty();
		return rows;
	}

	private void bulkInsert(TestOrg org, int rows) {
		Timestamp now = Timestamp.from(Instant.parse("2026-11-22T10:00:00Z"));
		List<Object[]> batch = new ArrayList<>();
		for (int i = 1; i <= rows; i++) {
			batch.add(new Object[] { org.id(), "B-" + i, "Bulk " + i, new BigDecimal(i + ".50"), now, now });
		}
		jdbcTemplate.batchUpdate(
				"""
						INSERT INTO invoices (org_id, invoice_number, customer_name, status, total, issued_on, due_on, version, created_at, updated_at)
						VALUES (?, ?, ?, 'sent', ?, DATE '2026-11-01', DATE '2026-12-01', 1, ?, ?)""",
				batch);
	}

}
