package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.json;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;

/**
 * Authorize before the cache, key by org: reads in the unsafe order. The cache is warmed
 * by someone who may see more (an admin, another org) and then read by someone who may
 * not; what was cached for the first must never reach the second.
 */
@IntegrationTest
class CacheAuthorizationOrderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	TestOrg acme;

	TestOrg globex;

	@BeforeEach
	void setUp() {
		acme = fixtures.org();
		globex = fixtures.org();
	}

	@Test
	void aDeletedRecordWarmedByAnAdminIsNotFoundForAMember() throws Exception {
		TestInvoice invoice = fixtures.invoice(acme, "77.00");
		mvc.perform(form(acme.admin(), "/invoices/" + invoice.id() + "/delete").param("version", "1")
			.param("confirm", "yes")).andExpect(status().isSeeOther());
		mvc.perform(page(acme.admin(), "/invoices/" + invoice.id())).andExpect(status().isOk());
		mvc.perform(json(acme.admin(), "/invoices/" + invoice.id())).andExpect(status().isOk());

		mvc.perform(page(acme.member(), "/invoices/" + invoice.id())).andExpect(status().isNotFound());
		mvc.perform(json(acme.member(), "/invoices/" + invoice.id())).andExpect(status().isNotFound());
		mvc.perform(page(acme.member(), "/invoices/" + invoice.id() + "/edit")).andExpect(status().isNotFound());
	}

	@Test
	void theAllViewWarmedByAnAdminIsForbiddenToAMember() throws Exception {
		TestInvoice invoice = fixtures.invoice(acme, "77.00");
		mvc.perform(form(acme.admin(), "/invoices/" + invoice.id() + "/delete").param("version", "1")
			.param("confirm", "yes")).andExpect(status().isSeeOther());
		PageHtml all = html(acme.admin(), "/invoices?view=all");
		assertThat(all.hasRow(invoice.id())).isTrue();

		mvc.perform(page(acme.member(), "/invoices?view=all")).andExpect(status().isForbidden());
		mvc.perform(json(acme.member(), "/invoices?view=all")).andExpect(status().isForbidden());
		assertThat(html(acme.member(), "/invoices").hasRow(invoice.id())).isFalse();
	}

	@Test
	void aRecordWarmedByOneOrgIsNotFoundForAnotherOnTheSameId() throws Exception {
		TestInvoice invoice = fixtures.invoice(acme, "77.00");
		mvc.perform(page(acme.admin(), "/invoices/" + invoice.id())).andExpect(status().isOk());
		mvc.perform(json(acme.member(), "/invoices/" + invoice.id())).andExpect(status().isOk());

		mvc.perform(page(globex.admin(), "/invoices/" + invoice.id())).andExpect(status().isNotFound());
		mvc.perform(json(globex.admin(), "/invoices/" + invoice.id())).andExpect(status().isNotFound());
		mvc.perform(page(globex.member(), "/invoices/" + invoice.id() + "/edit")).andExpect(status().isNotFound());
	}

	@Test
	void listsAndSummariesWarmedByOneOrgShowNothingOfItToAnother() throws Exception {
		TestInvoice acmeInvoice = fixtures.invoice(acme, "77.00");
		TestInvoice globexInvoice = fixtures.invoice(globex, "5.00");
		for (String view : new String[] { "/invoices", "/invoices?view=all", "/invoices?view=archived" }) {
			html(acme.admin(), view);
		}
		PageHtml acmeList = html(acme.admin(), "/invoices");
		assertThat(acmeList.text("summary-count")).isEqualTo("1");

		for (String view : new String[] { "/invoices", "/invoices?view=all" }) {
			PageHtml globexList = html(globex.admin(), view);
			assertThat(globexList.hasRow(acmeInvoice.id())).as(view).isFalse();
			assertThat(globexList.hasRow(globexInvoice.id())).as(view).isTrue();
		}
		PageHtml globexList = html(globex.member(), "/invoices");
		assertThat(globexList.text("summary-count")).isEqualTo("1");
		assertThat(globexList.text("summary-total")).doesNotContain("77").contains("5.00");
	}

	private PageHtml html(String email, String url) throws Exception {
		return new PageHtml(mvc.perform(page(email, url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
