package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;

/**
 * Every rule of the new-invoice form: a bad form answers 422 with the form, the values as
 * typed and a {@code field-error} on the field at fault, and writes nothing (no invoice,
 * no line, no summary change, no audit row, no number used up).
 */
@IntegrationTest
class InvoiceCreateValidationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	TestOrg org;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		fixtures.invoice(org, "100.00");
	}

	/** A valid form with one field replaced. */
	record Submission(String customerName, String issuedOn, String status, List<String> descriptions,
			List<String> quantities, List<String> prices) {

		static Submission valid() {
			return new Submission("Keep Me Ltd", "2026-11-20", "draft", List.of("Work"), List.of("1"),
					List.of("10.00"));
		}

		Submission customer(String value) {
			return new Submission(value, issuedOn, status, descriptions, quantities, prices);
		}

		Submission issued(String value) {
			return new Submission(customerName, value, status, descriptions, quantities, prices);
		}

		Submission status(String value) {
			return new Submission(customerName, issuedOn, value, descriptions, quantities, prices);
		}

		Submission line(String description, String quantity, String price) {
			return new Submission(customerName, issuedOn, status, List.of(description), List.of(quantity),
					List.of(price));
		}

		Submission lines(int count, String quantity, String price) {
			return new Submission(customerName, issuedOn, status, Collections.nCopies(count, "Work"),
					Collections.nCopies(count, quantity), Collections.nCopies(count, price));
		}

		MockHttpServletRequestBuilder apply(MockHttpServletRequestBuilder request) {
			return request.param("customerName", customerName)
				.param("issuedOn", issuedOn)
				.param("status", status)
				.param("lineDescription", descriptions.toArray(String[]::new))
				.param("lineQuantity", quantities.toArray(String[]::new))
				.param("lineUnitPrice", prices.toArray(String[]::new));
		}

	}

	static Stream<Arguments> badForms() {
		Submission ok = Submission.valid();
		return Stream.of(Arguments.of("blank customer", ok.customer("  "), "customerName"),
				Arguments.of("customer too long", ok.customer("x".repeat(201)), "customerName"),
				Arguments.of("customer with a line break", ok.customer("Two\nLines"), "customerName"),
				Arguments.of("no issue date", ok.issued(""), "issuedOn"),
				Arguments.of("not a date", ok.issued("2026-13-01"), "issuedOn"),
				Arguments.of("date out of range", ok.issued("1999-12-31"), "issuedOn"),
				Arguments.of("unknown status", ok.status("archived"), "status"),
				Arguments.of("no lines (all blank)", ok.line("", " ", ""), "lines"),
				Arguments.of("101 lines", ok.lines(101, "1", "1.00"), "lines"),
				Arguments.of("line without description", ok.line(" ", "1", "1.00"), "lines[0].description"),
				Arguments.of("description too long", ok.line("d".repeat(301), "1", "1.00"), "lines[0].description"),
				Arguments.of("zero quantity", ok.line("Work", "0", "1.00"), "lines[0].quantity"),
				Arguments.of("negative quantity", ok.line("Work", "-1", "1.00"), "lines[0].quantity"),
				Arguments.of("quantity not a number", ok.line("Work", "abc", "1.00"), "lines[0].quantity"),
				Arguments.of("quantity with three decimals", ok.line("Work", "1.234", "1.00"), "lines[0].quantity"),
				Arguments.of("quantity too large", ok.line("Work", "1000001", "1.00"), "lines[0].quantity"),
				Arguments.of("zero unit price", ok.line("Work", "1", "0.00"), "lines[0].unitPrice"),
				Arguments.of("unit price too large", ok.line("Work", "1", "1000000000.01"), "lines[0].unitPrice"),
				Arguments.of("line over NUMERIC(12,2)", ok.line("Work", "1000000", "100000"), "lines[0].unitPrice"),
				Arguments.of("total over NUMERIC(12,2)", ok.lines(2, "9", "1000000000"), "total"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badForms")
	void aBadFormIs422WithTheFormItsValuesAndAFieldErrorAndWritesNothing(String name, Submission submission,
			String field) throws Exception {
		State before = state();
		String html = mvc.perform(submission.apply(form(org.member(), "/invoices")))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		PageHtml page = new PageHtml(html);
		assertThat(page.has("new-invoice-form")).isTrue();
		assertThat(html).contains("data-field=\"" + field + "\"");
		assertThat(page.count("data-testid=\"field-error\"")).isEqualTo(1);
		if (!field.equals("customerName")) {
			assertThat(html).contains("value=\"Keep Me Ltd\"");
		}
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void severalProblemsGetOneFieldErrorEach() throws Exception {
		State before = state();
		String html = mvc
			.perform(form(org.member(), "/invoices").param("customerName", "")
				.param("issuedOn", "yesterday")
				.param("status", "draft")
				.param("lineDescription", "Fine", "")
				.param("lineQuantity", "1", "x")
				.param("lineUnitPrice", "-3", "2.00"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		PageHtml page = new PageHtml(html);
		assertThat(page.count("data-testid=\"field-error\"")).isEqualTo(5);
		assertThat(html).contains("data-field=\"customerName\"", "data-field=\"issuedOn\"",
				"data-field=\"lines[0].unitPrice\"", "data-field=\"lines[1].description\"",
				"data-field=\"lines[1].quantity\"");
		assertThat(html).contains("value=\"yesterday\"", "value=\"-3\"", "value=\"x\"");
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void askedForJsonABadFormIs422WithTheFieldErrors() throws Exception {
		State before = state();
		mvc.perform(Submission.valid().line("Work", "0", "1.00").apply(formJson(org.member(), "/invoices")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("validation"))
			.andExpect(jsonPath("$.current.fieldErrors['lines[0].quantity']").exists());
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void linesWhoseFieldsDoNotLineUpAreABadRequest() throws Exception {
		State before = state();
		mvc.perform(form(org.member(), "/invoices").param("customerName", "A")
			.param("issuedOn", "2026-11-20")
			.param("status", "draft")
			.param("lineDescription", "One", "Two")
			.param("lineQuantity", "1")
			.param("lineUnitPrice", "1.00", "2.00")).andExpect(status().isBadRequest());
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void aRejectedFormUsesUpNoNumber() throws Exception {
		mvc.perform(Submission.valid().customer("").apply(form(org.member(), "/invoices")))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(Submission.valid().apply(form(org.member(), "/invoices"))).andExpect(status().isSeeOther());
		assertThat(jdbc.sql("SELECT invoice_number FROM invoices WHERE org_id = ? AND customer_name = 'Keep Me Ltd'")
			.param(org.id())
			.query(String.class)
			.single()).isEqualTo("INV-1001");
	}

	record State(int invoices, int lines, long summaryCount, BigDecimal summaryTotal, int auditRows) {
	}

	private State state() {
		int invoices = count("SELECT COUNT(*) FROM invoices WHERE org_id = ?");
		int lines = count(
				"SELECT COUNT(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.org_id = ?");
		int audit = count("SELECT COUNT(*) FROM audit_log WHERE org_id = ?");
		List<Object> summary = new ArrayList<>();
		jdbc.sql("SELECT active_count, active_total FROM org_invoice_summaries WHERE org_id = ?")
			.param(org.id())
			.query(rs -> {
				summary.add(rs.getLong(1));
				summary.add(rs.getBigDecimal(2).setScale(2));
			});
		return new State(invoices, lines, (Long) summary.get(0), (BigDecimal) summary.get(1), audit);
	}

	private int count(String sql) {
		return jdbc.sql(sql).param(org.id()).query(Integer.class).single();
	}

}
