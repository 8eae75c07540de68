package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

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
 * A page delete takes two deliberate clicks without JavaScript: the list's Delete lands
 * on a confirmation page that writes nothing, and its own button deletes.
 */
@IntegrationTest
class InvoiceDeleteConfirmationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	TestOrg org;

	TestInvoice invoice;

	@BeforeEach
	void anInvoice() {
		org = fixtures.org();
		invoice = fixtures.invoice(org, "321.00");
	}

	@Test
	void theListsDeleteAsksAndWritesNothing() throws Exception {
		String html = mvc
			.perform(form(org.admin(), url()).param("version", "1")
				.param("confirm", "ask")
				.param("view", "archived")
				.param("formOrg", org.id()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(fixtures.row(invoice.id()).deleted()).isFalse();
		assertThat(fixtures.auditRows(invoice.id())).isZero();
		PageHtml page = new PageHtml(html);
		assertThat(page.has("delete-question")).isTrue();
		assertThat(html).contains("Delete <span>" + invoice.number() + "</span>?");
		assertThat(page.formsPostingTo(url())).isEqualTo(1);
		assertThat(html).contains("name=\"version\" value=\"1\"", "name=\"confirm\" value=\"yes\"",
				"name=\"view\" value=\"archived\"", "name=\"formOrg\" value=\"" + org.id() + "\"", "name=\"_csrf\"");
		assertThat(page.attributes("delete-cancel").get("href")).isEqualTo("/invoices?view=archived");
	}

	@Test
	void confirmingDeletes() throws Exception {
		mvc.perform(form(org.admin(), url()).param("version", "1").param("confirm", "yes"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices?view=active"))
			.andExpect(flash().attributeExists("toast"));

		assertThat(fixtures.row(invoice.id()).deleted()).isTrue();
		assertThat(fixtures.auditRows(invoice.id(), "invoice.delete")).isEqualTo(1);
	}

	@Test
	void aPostWithoutConfirmStillDeletesInOneRequestAsScriptsExpect() throws Exception {
		mvc.perform(form(org.admin(), url()).param("version", "1"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices?view=active"));

		assertThat(fixtures.row(invoice.id()).deleted()).isTrue();
		assertThat(fixtures.auditRows(invoice.id(), "invoice.delete")).isEqualTo(1);
	}

	@Test
	void theStepIsAlsoAPageOfItsOwnWithTheCurrentVersion() throws Exception {
		fixtures.drift(invoice.id());

		String html = mvc.perform(page(org.admin(), url()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(html).contains("name=\"version\" value=\"2\"", "name=\"view\" value=\"active\"");
		assertThat(fixtures.row(invoice.id()).deleted()).isFalse();
	}

	@Test
	void confirmingARowThatChangedSinceIsAConflictAndDeletesNothing() throws Exception {
		mvc.perform(form(org.admin(), url()).param("version", "1").param("confirm", "ask")).andExpect(status().isOk());
		fixtures.drift(invoice.id());

		mvc.perform(form(org.admin(), url()).param("version", "1").param("confirm", "yes"))
			.andExpect(status().isSeeOther())
			.andExpect(flash().attributeExists("toast"));

		assertThat(fixtures.row(invoice.id()).deleted()).isFalse();
		assertThat(fixtures.auditRows(invoice.id())).isZero();
	}

	@Test
	void membersOtherOrgsAndMalformedRequestsAreRefusedBeforeAnyQuestion() throws Exception {
		TestOrg other = fixtures.org();

		mvc.perform(form(org.member(), url()).param("version", "1")).andExpect(status().isForbidden());
		mvc.perform(page(org.member(), url())).andExpect(status().isForbidden());
		mvc.perform(form(other.admin(), url()).param("version", "1")).andExpect(status().isNotFound());
		mvc.perform(page(other.admin(), url())).andExpect(status().isNotFound());
		mvc.perform(form(org.admin(), url()).param("version", "x")).andExpect(status().isBadRequest());
		mvc.perform(form(org.admin(), url()).param("version", "1").param("confirm", "sure"))
			.andExpect(status().isBadRequest());

		assertThat(fixtures.row(invoice.id()).deleted()).isFalse();
		assertThat(fixtures.auditRows(invoice.id())).isZero();
	}

	@Test
	void jsonClientsConfirmOnTheirSide() throws Exception {
		mvc.perform(formJson(org.admin(), url()).param("version", "1")).andExpect(status().isOk());

		assertThat(fixtures.row(invoice.id()).deleted()).isTrue();
	}

	private String url() {
		return "/invoices/" + invoice.id() + "/delete";
	}

}
