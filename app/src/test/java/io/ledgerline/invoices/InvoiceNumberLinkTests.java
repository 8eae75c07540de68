package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.page;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.IntegrationTest;

/** The invoice number people read is a working address too: it leads to the id URL. */
@IntegrationTest
class InvoiceNumberLinkTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aNumberRedirectsToTheInvoicesIdUrlInTheActiveOrg() throws Exception {
		long id = fixtures.demoInvoiceId("INV-1042");

		mvc.perform(page("priya@acme.test", "/invoices/INV-1042"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices/" + id));
	}

	@Test
	void theEditFormAndTheDeleteStepByNumberLeadToTheirIdUrls() throws Exception {
		long id = fixtures.demoInvoiceId("INV-1042");

		mvc.perform(page("priya@acme.test", "/invoices/INV-1042/edit"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices/" + id + "/edit"));
		mvc.perform(page("dana@acme.test", "/invoices/INV-1042/delete"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices/" + id + "/delete"));
		mvc.perform(page("priya@acme.test", "/invoices/" + id + "/edit")).andExpect(status().isOk());
		mvc.perform(page("hank@globex.test", "/invoices/INV-1042/edit")).andExpect(status().isNotFound());
		mvc.perform(page("priya@acme.test", "/invoices/INV-1042/nope")).andExpect(status().isNotFound());
	}

	@Test
	void anotherOrgsNumberIsNotFound() throws Exception {
		mvc.perform(page("hank@globex.test", "/invoices/INV-1042")).andExpect(status().isNotFound());
		mvc.perform(page("priya@acme.test", "/invoices/GLX-2001")).andExpect(status().isNotFound());
		mvc.perform(page("priya@acme.test", "/invoices/INV-9999")).andExpect(status().isNotFound());
	}

	@Test
	void anythingElseIsStillTheControllersAnswer() throws Exception {
		mvc.perform(page("priya@acme.test", "/invoices/abc")).andExpect(status().isBadRequest());
		mvc.perform(page("priya@acme.test", "/invoices/" + fixtures.demoInvoiceId("INV-1042")))
			.andExpect(status().isOk());
	}

}
