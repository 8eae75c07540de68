package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;

/**
 * draft → sent → paid; void from draft or sent; paid and void are final unless an admin
 * reopens (audited); a refused move is a 422 with a message that writes nothing.
 */
@IntegrationTest
class InvoiceStatusRulesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	TestOrg org;

	TestInvoice invoice;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		invoice = fixtures.invoice(org, "100.00");
	}

	private MockHttpServletRequestBuilder save(MockHttpServletRequestBuilder request, String status) {
		return request.param("customerName", "Fixture Customer")
			.param("status", status)
			.param("total", "100.00")
			.param("version", "1");
	}

	@ParameterizedTest
	@CsvSource({ "draft, sent", "draft, void", "sent, paid", "sent, void", "paid, paid" })
	void theMovesAFinanceTeamExpectsAreSaved(String from, String to) throws Exception {
		fixtures.statusAndDue(invoice.id(), from, LocalDate.of(2026, 12, 1));

		mvc.perform(save(form(org.member(), "/invoices/" + invoice.id()), to)).andExpect(status().isSeeOther());

		assertThat(fixtures.row(invoice.id()).status()).isEqualTo(to);
		assertThat(fixtures.auditRows(invoice.id(), "invoice.reopen")).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "draft, paid, A draft invoice must be sent before it is marked paid",
			"sent, draft, cannot go back to draft", "paid, sent, is final", "paid, void, is final",
			"void, draft, is final", "void, sent, is final" })
	void aRefusedMoveIs422WithAMessageOnThePageAndInJsonAndWritesNothing(String from, String to, String message)
			throws Exception {
		fixtures.statusAndDue(invoice.id(), from, LocalDate.of(2026, 12, 1));
		int auditBefore = fixtures.auditRows(invoice.id());

		String page = mvc.perform(save(form(org.member(), "/invoices/" + invoice.id()), to))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-testid=\"field-error\" data-field=\"status\"", message);
		mvc.perform(save(formJson(org.member(), "/invoices/" + invoice.id()), to))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.error.code").value("validation"))
			.andExpect(jsonPath("$.error.message").value(containsString(message)));

		Fixtures.InvoiceRow row = fixtures.row(invoice.id());
		assertThat(row.status()).isEqualTo(from);
		assertThat(row.version()).isEqualTo(1);
		assertThat(fixtures.auditRows(invoice.id())).isEqualTo(auditBefore);
	}

	@Test
	void anAdminCannotMarkADraftPaidEither() throws Exception {
		mvc.perform(save(formJson(org.admin(), "/invoices/" + invoice.id()), "paid"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.error.message").value(containsString("must be sent before it is marked paid")));

		assertThat(fixtures.row(invoice.id()).status()).isEqualTo("draft");
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
		assertThat(fixtures.auditRows(invoice.id())).isZero();
	}

	@Test
	void aNewInvoiceMayStillStartOutPaid() throws Exception {
		// Creating is not a move: a counter sale is entered paid (docs/INVOICES.md).
		mvc.perform(formJson(org.member(), "/invoices").param("customerName", "Paid On The Spot")
			.param("issuedOn", "2026-11-20")
			.param("status", "paid")
			.param("lineDescription", "Counter sale")
			.param("lineQuantity", "1")
			.param("lineUnitPrice", "25.00"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.data.status").value("paid"));
	}

	@Test
	void anAdminReopensAPaidInvoiceAndTheReopeningIsAudited() throws Exception {
		fixtures.statusAndDue(invoice.id(), "paid", LocalDate.of(2026, 12, 1));

		mvc.perform(save(form(org.admin(), "/invoices/" + invoice.id()), "sent")).andExpect(status().isSeeOther());

		assertThat(fixtures.row(invoice.id()).status()).isEqualTo("sent");
		assertThat(fixtures.auditRows(invoice.id(), "invoice.reopen")).isEqualTo(1);
	}

	@Test
	void theEditFormOffersOnlyTheMovesTheUserMayMake() throws Exception {
		fixtures.statusAndDue(invoice.id(), "paid", LocalDate.of(2026, 12, 1));

		String member = mvc.perform(page(org.member(), "/invoices/" + invoice.id() + "/edit"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String admin = mvc.perform(page(org.admin(), "/invoices/" + invoice.id() + "/edit"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(member).contains("<option value=\"sent\" disabled=\"disabled\">sent</option>");
		fixtures.statusAndDue(invoice.id(), "draft", LocalDate.of(2026, 12, 1));
		String draft = mvc.perform(page(org.admin(), "/invoices/" + invoice.id() + "/edit"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(draft).contains("<option value=\"paid\" disabled=\"disabled\">paid</option>");
		assertThat(admin).contains("<option value=\"sent\">sent</option>");
	}

}
