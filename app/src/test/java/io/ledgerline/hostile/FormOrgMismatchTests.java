package io.ledgerline.hostile;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.web.Toast;

/**
 * A user of two orgs opens a form in one ("Acme"), switches to the other ("Globex") in
 * another tab, then submits: refused with a message naming both orgs, nothing written in
 * either org, the typed values kept; without the field (scripts, older clients) the post
 * acts on the active org as before; JSON gets {@code 409 org_mismatch}.
 */
@IntegrationTest
class FormOrgMismatchTests {

	private static final Pattern HIDDEN_FORM_ORG = Pattern.compile("name=\"formOrg\" value=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	TestOrg acme;

	TestOrg globex;

	String olga;

	MockHttpSession session;

	String acmeName;

	String globexName;

	@BeforeEach
	void olgaIsInAcmeButGlobexIsActive() throws Exception {
		acme = fixtures.org();
		globex = fixtures.org();
		acmeName = "Org " + acme.id();
		globexName = "Org " + globex.id();
		olga = "olga@" + acme.id() + ".multi.test";
		fixtures.user(olga, acme.id(), "member");
		fixtures.user(olga, globex.id(), "admin");
		session = new MockHttpSession();
		mvc.perform(form(olga, "/orgs/switch").session(session).param("orgId", globex.id()))
			.andExpect(status().isSeeOther());
	}

	private MockHttpServletRequestBuilder post(String url) {
		return form(olga, url).session(session);
	}

	private MockHttpServletRequestBuilder postJson(String url) {
		return formJson(olga, url).session(session);
	}

	private static MockHttpServletRequestBuilder newInvoice(MockHttpServletRequestBuilder request) {
		return request.param("customerName", "Typed By Olga")
			.param("issuedOn", "2026-11-20")
			.param("status", "draft")
			.param("lineDescription", "Consulting")
			.param("lineQuantity", "2")
			.param("lineUnitPrice", "150.00");
	}

	private int invoicesNamed(String customer) {
		return jdbc.sql("SELECT COUNT(*) FROM invoices WHERE customer_name = ? AND org_id IN (?, ?)")
			.params(customer, acme.id(), globex.id())
			.query(Integer.class)
			.single();
	}

	private static String formOrgOf(String html) {
		Matcher matcher = HIDDEN_FORM_ORG.matcher(html);
		assertThat(matcher.find()).as("a hidden formOrg field in the page").isTrue();
		return matcher.group(1);
	}

	private void assertNamesBothOrgs(String text) {
		assertThat(text).contains(acmeName).contains(globexName).contains("Nothing was saved");
	}

	@Test
	void everyFormThatWritesCarriesTheOrgItWasOpenedIn() throws Exception {
		TestInvoice invoice = fixtures.invoice(globex, "10.00");
		fixtures.ticket(globex.id(), "A ticket", "open");
		String newForm = mvc.perform(page(olga, "/invoices/new").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(formOrgOf(newForm)).isEqualTo(globex.id());
		String edit = mvc.perform(page(olga, "/invoices/" + invoice.id() + "/edit").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(formOrgOf(edit)).isEqualTo(globex.id());
		// Prerendered and cached per org: the org is in the cached HTML.
		String list = mvc.perform(page(olga, "/invoices").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(formOrgOf(list)).isEqualTo(globex.id());
		String detail = mvc.perform(page(olga, "/invoices/" + invoice.id()).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(formOrgOf(detail)).isEqualTo(globex.id());
		String tickets = mvc.perform(page(olga, "/tickets").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The create form, the status form and the delete form of the one ticket.
		assertThat(HIDDEN_FORM_ORG.matcher(tickets).results().map(m -> m.group(1))).containsOnly(globex.id())
			.hasSize(3);
	}

	@Test
	void aNewInvoiceOpenedInAcmeIsNotCreatedInGlobexAndTheFormComesBackWithTheValues() throws Exception {
		MvcResult refused = mvc
			.perform(newInvoice(post("/invoices")).param("formOrg", acme.id()).param("createKey", "key-opened-in-acme"))
			.andExpect(status().isConflict())
			.andReturn();

		String html = refused.getResponse().getContentAsString();
		assertNamesBothOrgs(html);
		assertThat(html).contains("data-testid=\"org-mismatch\"")
			.contains("value=\"Typed By Olga\"")
			.contains("value=\"150.00\"")
			.contains("value=\"key-opened-in-acme\"");
		// Still the form of the org it was opened in: once back in Acme, Create saves it
		// there.
		assertThat(formOrgOf(html)).isEqualTo(acme.id());
		assertThat(invoicesNamed("Typed By Olga")).isZero();
	}

	@Test
	void aPostWithoutTheFieldActsOnTheActiveOrgAsBefore() throws Exception {
		mvc.perform(newInvoice(post("/invoices"))).andExpect(status().isSeeOther());
		assertThat(jdbc.sql("SELECT org_id FROM invoices WHERE customer_name = 'Typed By Olga' AND org_id IN (?, ?)")
			.params(acme.id(), globex.id())
			.query(String.class)
			.list()).containsExactly(globex.id());

		mvc.perform(newInvoice(post("/invoices")).param("formOrg", globex.id())).andExpect(status().isSeeOther());
		assertThat(invoicesNamed("Typed By Olga")).isEqualTo(2);
	}

	@Test
	void jsonNamingAnotherOrgGetsOrgMismatchAndWithoutItActsOnTheActiveOrg() throws Exception {
		mvc.perform(newInvoice(postJson("/invoices")).param("formOrg", acme.id()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("org_mismatch"));
		assertThat(invoicesNamed("Typed By Olga")).isZero();

		mvc.perform(newInvoice(postJson("/invoices"))).andExpect(status().isCreated());
		assertThat(invoicesNamed("Typed By Olga")).isEqualTo(1);
	}

	@Test
	void anEditOpenedInAcmeIsRefusedWithTheTypedValuesKeptAndTheRowUntouched() throws Exception {
		TestInvoice invoice = fixtures.invoice(acme, "100.00");
		MvcResult refused = mvc
			.perform(post("/invoices/" + invoice.id()).param("formOrg", acme.id())
				.param("version", "1")
				.param("customerName", "Renamed By Olga")
				.param("status", "sent")
				.param("total", "123.45"))
			.andExpect(status().isConflict())
			.andReturn();

		String html = refused.getResponse().getContentAsString();
		assertNamesBothOrgs(html);
		assertThat(html).contains("value=\"Renamed By Olga\"").contains("value=\"123.45\"");
		assertThat(formOrgOf(html)).isEqualTo(acme.id());
		assertThat(fixtures.row(invoice.id()).customerName()).isEqualTo("Fixture Customer");
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);

		mvc.perform(postJson("/invoices/" + invoice.id()).param("formOrg", acme.id())
			.param("version", "1")
			.param("customerName", "Renamed By Olga")
			.param("status", "sent")
			.param("total", "123.45"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error.code").value("org_mismatch"));
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
	}

	@Test
	void lifecycleButtonsOfAnAcmeListAreRefusedWithAToastNamingBothOrgs() throws Exception {
		TestInvoice invoice = fixtures.invoice(acme, "100.00");
		for (String action : new String[] { "archive", "restore", "delete" }) {
			MvcResult refused = mvc
				.perform(post("/invoices/" + invoice.id() + "/" + action).param("formOrg", acme.id())
					.param("version", "1")
					.param("view", "archived"))
				.andExpect(status().isSeeOther())
				.andReturn();
			assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/invoices?view=archived");
			Toast toast = (Toast) refused.getFlashMap().get(Toast.ATTRIBUTE);
			assertThat(toast.kind()).isEqualTo(Toast.Kind.ERROR);
			assertNamesBothOrgs(toast.message());

			mvc.perform(postJson("/invoices/" + invoice.id() + "/" + action).param("formOrg", acme.id())
				.param("version", "1"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.error.code").value("org_mismatch"));
		}
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
		assertThat(fixtures.row(invoice.id()).archived()).isFalse();
		assertThat(fixtures.row(invoice.id()).deleted()).isFalse();
	}

	@Test
	void ticketFormsOpenedInAcmeAreRefusedAndTheNewTicketsValuesAreKept() throws Exception {
		long ticket = fixtures.ticket(acme.id(), "Acme's ticket", "open");

		MvcResult create = mvc.perform(
				post("/tickets").param("formOrg", acme.id()).param("title", "Typed ticket").param("body", "Details"))
			.andExpect(status().isConflict())
			.andReturn();
		String html = create.getResponse().getContentAsString();
		assertNamesBothOrgs(html);
		assertThat(html).contains("value=\"Typed ticket\"").contains(">Details</textarea>");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets WHERE title = 'Typed ticket'").query(Integer.class).single())
			.isZero();

		mvc.perform(post("/tickets/" + ticket + "/status").param("formOrg", acme.id()).param("status", "done"))
			.andExpect(status().isConflict());
		mvc.perform(post("/tickets/" + ticket + "/delete").param("formOrg", acme.id()))
			.andExpect(status().isConflict());
		mvc.perform(postJson("/tickets/" + ticket + "/status").param("formOrg", acme.id()).param("status", "done"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error.code").value("org_mismatch"));
		mvc.perform(postJson("/tickets").param("formOrg", acme.id()).param("title", "Typed ticket"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error.code").value("org_mismatch"));
		assertThat(jdbc.sql("SELECT status FROM tickets WHERE id = ?").param(ticket).query(String.class).list())
			.containsExactly("open");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets WHERE title = 'Typed ticket'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void aCommentPostedFromAnAcmeThreadIsRefused() throws Exception {
		TestInvoice invoice = fixtures.invoice(acme, "100.00");
		mvc.perform(postJson("/invoices/" + invoice.id() + "/comments").param("formOrg", acme.id())
			.param("clientId", "11111111-2222-4333-8444-555555555555")
			.param("body", "From the Acme tab"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error.code").value("org_mismatch"))
			.andExpect(jsonPath("$.error.message").value(org.hamcrest.Matchers.containsString(acmeName)));
		MvcResult page = mvc
			.perform(post("/invoices/" + invoice.id() + "/comments").param("formOrg", acme.id())
				.param("clientId", "11111111-2222-4333-8444-555555555556")
				.param("body", "From the Acme tab"))
			.andExpect(status().isConflict())
			.andReturn();
		assertNamesBothOrgs(page.getResponse().getContentAsString());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE body = 'From the Acme tab'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aFormOfAnOrgTheUserDoesNotBelongToNamesNoOrgAndWritesNothing() throws Exception {
		TestOrg stranger = fixtures.org();
		MvcResult refused = mvc.perform(newInvoice(post("/invoices")).param("formOrg", stranger.id()))
			.andExpect(status().isConflict())
			.andReturn();
		assertThat(refused.getResponse().getContentAsString()).doesNotContain("Org " + stranger.id())
			.contains("no longer a member");
		assertThat(invoicesNamed("Typed By Olga")).isZero();

		mvc.perform(newInvoice(post("/invoices")).param("formOrg", "Not An Org!")).andExpect(status().isBadRequest());
		assertThat(invoicesNamed("Typed By Olga")).isZero();
	}

}
