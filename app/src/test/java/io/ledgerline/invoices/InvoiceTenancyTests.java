package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.json;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.InvoiceRow;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;

/** Another org's invoice id is simply not found, on every route, and is never touched. */
@IntegrationTest
class InvoiceTenancyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	TestOrg acme;

	TestOrg globex;

	TestInvoice acmeInvoice;

	InvoiceRow before;

	@BeforeEach
	void setUp() {
		acme = fixtures.org();
		globex = fixtures.org();
		acmeInvoice = fixtures.invoice(acme, "100.00");
		before = fixtures.row(acmeInvoice.id());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/edit" })
	void readsOfAnotherOrgsInvoiceAreNotFound(String suffix) throws Exception {
		mvc.perform(page(globex.admin(), "/invoices/" + acmeInvoice.id() + suffix)).andExpect(status().isNotFound());
	}

	@Test
	void theJsonReadIsNotFoundWithTheErrorEnvelope() throws Exception {
		mvc.perform(json(globex.admin(), "/invoices/" + acmeInvoice.id()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("not_found"));
	}

	@Test
	void anEditOfAnotherOrgsInvoiceIsNotFoundAndChangesNothing() throws Exception {
		mvc.perform(form(globex.admin(), "/invoices/" + acmeInvoice.id()).param("customerName", "Hijack")
			.param("status", "paid")
			.param("total", "1.00")
			.param("version", "1")).andExpect(status().isNotFound());
		mvc.perform(formJson(globex.admin(), "/invoices/" + acmeInvoice.id()).param("customerName", "Hijack")
			.param("status", "paid")
			.param("total", "1.00")
			.param("version", "1")
			.param("overwrite", "true")).andExpect(status().isNotFound());
		assertUntouched();
	}

	@ParameterizedTest
	@ValueSource(strings = { "archive", "restore", "delete" })
	void lifecycleActionsOnAnotherOrgsInvoiceAreNotFoundAndChangeNothing(String action) throws Exception {
		mvc.perform(form(globex.admin(), "/invoices/" + acmeInvoice.id() + "/" + action).param("version", "1"))
			.andExpect(status().isNotFound());
		mvc.perform(formJson(globex.admin(), "/invoices/" + acmeInvoice.id() + "/" + action).param("version", "1"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error.code").value("not_found"));
		assertUntouched();
	}

	@Test
	void anotherOrgsInvoicesNeverAppearInTheList() throws Exception {
		String body = mvc.perform(page(globex.admin(), "/invoices?view=all"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(acmeInvoice.number());
	}

	private void assertUntouched() {
		assertThat(fixtures.row(acmeInvoice.id())).isEqualTo(before);
		assertThat(fixtures.auditRows(acmeInvoice.id())).isZero();
	}

}
