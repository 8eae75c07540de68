package io.ledgerline.hostile;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.json;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.caching.InvalidationLog;
import io.ledgerline.caching.InvalidationLogEntry;
import io.ledgerline.inspector.ListInvalidationMisuse;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;

/**
 * The probe's findings that MockMvc reproduces: the deleted-invoice leak, actuator
 * metrics, CSP, duplicate fields, full-width digits, the JSON envelope of the inspector
 * and the org switch, the misuse toggle's scope, the inspector's org-wide switches
 * (admins only), and JSON only for whoever asks for it.
 */
@IntegrationTest
class SecurityHardeningTests {

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern POLICY_NONCE = Pattern.compile("'nonce-([^']+)'");

	private static final Pattern INLINE_STYLE = Pattern.compile("<style\\b|\\sstyle=\"", Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+=\"", Pattern.CASE_INSENSITIVE);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ListInvalidationMisuse misuse;

	@Autowired
	InvalidationLog invalidations;

	TestOrg org;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		misuse.set(false);
	}

	@AfterEach
	void misuseOff() {
		misuse.set(false);
	}

	@Test
	void aDeletedInvoiceDoesNotExistForAMemberOnTheWritePathEither() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "4321.00");
		mvc.perform(form(org.admin(), "/invoices/" + invoice.id() + "/delete").param("version", "1")
			.param("confirm", "yes")).andExpect(status().isSeeOther());
		for (String version : List.of("1", "2", "99")) {
			String jsonAnswer = mvc
				.perform(formJson(org.member(), "/invoices/" + invoice.id()).param("customerName", "Probe")
					.param("status", "sent")
					.param("total", "1.00")
					.param("version", version))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(jsonAnswer).doesNotContain("Fixture Customer").doesNotContain("4321").doesNotContain("deleted");
			String page = mvc
				.perform(form(org.member(), "/invoices/" + invoice.id()).param("customerName", "Probe")
					.param("status", "sent")
					.param("total", "1.00")
					.param("version", version))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).doesNotContain("Fixture Customer").doesNotContain("4,321");
			for (String action : List.of("archive", "restore", "delete")) {
				mvc.perform(
						formJson(org.member(), "/invoices/" + invoice.id() + "/" + action).param("version", version))
					.andExpect(status().is4xxClientError())
					.andExpect(jsonPath("$.current").doesNotExist())
					.andExpect(jsonPath("$.error.current").doesNotExist());
			}
		}
		// The admin still sees it, and still gets the honest conflict with the row.
		mvc.perform(formJson(org.admin(), "/invoices/" + invoice.id()).param("customerName", "Probe")
			.param("status", "sent")
			.param("total", "1.00")
			.param("version", "2")).andExpect(status().isConflict()).andExpect(jsonPath("$.current.id").exists());
		assertThat(fixtures.row(invoice.id()).customerName()).isEqualTo("Fixture Customer");
	}

	@Test
	void actuatorMetricsAreForAdminsOnly() throws Exception {
		mvc.perform(json(org.member(), "/actuator/metrics")).andExpect(status().isForbidden());
		mvc.perform(json(org.member(), "/actuator/metrics/jvm.memory.used")).andExpect(status().isForbidden());
		mvc.perform(json(org.admin(), "/actuator/metrics")).andExpect(status().isOk());
		mvc.perform(get("/actuator/metrics").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/health").accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk());
	}

	@Test
	void aFrameworkBadRequestStaysABadRequest() throws Exception {
		// A tag without a value: the actuator's own 400, which the catch-all turned into
		// a
		// 500.
		mvc.perform(json(org.admin(), "/actuator/metrics/jvm.memory.used").param("tag", "area"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("bad_request"));
		mvc.perform(get("/actuator/health").header("Accept", ",,,,")).andExpect(status().is4xxClientError());
	}

	@Test
	void everyPageCarriesAContentSecurityPolicyItSatisfies() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", allOf(containsString("script-src 'self'"),
					containsString("style-src 'self'"), containsString("frame-ancestors 'none'"))));
		for (String url : List.of("/invoices", "/invoices?view=all", "/invoices/" + invoice.id(),
				"/invoices/" + invoice.id() + "/edit", "/tickets", "/inspector", "/no-such-page")) {
			var response = mvc.perform(page(org.admin(), url)).andReturn().getResponse();
			assertThat(response.getHeader("Content-Security-Policy")).as(url).contains("script-src 'self'");
			String html = response.getContentAsString();
			assertThat(inlineScriptsWithoutTheNonce(html, response.getHeader("Content-Security-Policy")))
				.as("inline script without this response's nonce on " + url)
				.isEmpty();
			assertThat(INLINE_STYLE.matcher(html).find()).as("inline style on " + url).isFalse();
			assertThat(INLINE_HANDLER.matcher(html).find()).as("inline handler on " + url).isFalse();
		}
		String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(INLINE_SCRIPT.matcher(login).find()).isFalse();
		assertThat(INLINE_STYLE.matcher(login).find()).isFalse();
	}

	@Test
	void aFieldSentTwiceIsRefusedNotJoined() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		mvc.perform(form(org.admin(), "/invoices/" + invoice.id()).param("customerName", "A", "B")
			.param("status", "sent")
			.param("total", "1.00")
			.param("version", "1")).andExpect(status().isBadRequest());
		mvc.perform(formJson(org.admin(), "/invoices/" + invoice.id()).param("customerName", "A")
			.param("status", "sent")
			.param("total", "1.00", "2.00")
			.param("version", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("bad_request"));
		mvc.perform(form(org.admin(), "/invoices/" + invoice.id() + "/archive").param("version", "1", "1"))
			.andExpect(status().isBadRequest());
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);

		int tickets = ticketCount();
		mvc.perform(form(org.member(), "/tickets").param("title", "A", "B")).andExpect(status().isBadRequest());
		assertThat(ticketCount()).isEqualTo(tickets);
		mvc.perform(page(org.admin(), "/invoices").param("view", "active", "all")).andExpect(status().isBadRequest());
	}

	@Test
	void fullWidthDigitsAreRefusedInVersionsAndIds() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		mvc.perform(form(org.admin(), "/invoices/" + invoice.id()).param("customerName", "Wide")
			.param("status", "sent")
			.param("total", "1.00")
			.param("version", "１")).andExpect(status().isBadRequest());
		mvc.perform(form(org.admin(), "/invoices/" + invoice.id() + "/archive").param("version", "１"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/invoices/{id}", "１").with(user(org.admin())).accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest());
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
	}

	@Test
	void theInspectorAndTheOrgSwitchAnswerJsonWhenAskedForIt() throws Exception {
		fixtures.invoice(org, "10.00");
		mvc.perform(formJson(org.admin(), "/inspector/misuse"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.data.message").exists());
		mvc.perform(formJson(org.admin(), "/inspector/edit-one"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true));
		TestOrg empty = fixtures.org();
		mvc.perform(formJson(empty.admin(), "/inspector/archive-one"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("conflict"));
		mvc.perform(formJson(org.admin(), "/orgs/switch").param("orgId", org.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.data.orgId").value(org.id()));
		mvc.perform(formJson(org.admin(), "/orgs/switch").param("orgId", empty.id()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error.code").value("forbidden"));
		mvc.perform(formJson("dana@acme.test", "/inspector/identity").param("username", "priya@acme.test"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.username").value("priya@acme.test"));
	}

	@Test
	void theMisuseToggleIsPerOrg() throws Exception {
		TestOrg other = fixtures.org();
		mvc.perform(form(other.admin(), "/inspector/misuse")).andExpect(status().isSeeOther());
		assertThat(misuse.isOn(other.id())).isTrue();
		assertThat(misuse.isOn(org.id())).isFalse();
		String page = mvc.perform(page(org.admin(), "/inspector")).andReturn().getResponse().getContentAsString();
		assertThat(new PageHtml(page).text("misuse-toggle")).isEqualTo("off");
	}

	@Test
	void eachOrgsInspectorLogShowsOnlyItsOwnEntriesPathsIncluded() throws Exception {
		TestOrg other = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		long othersNewest = newestLogged(other);
		mvc.perform(form(org.admin(), "/invoices/" + invoice.id()).param("customerName", "Logged")
			.param("status", "sent")
			.param("total", "11.00")
			.param("version", "1")).andExpect(status().isSeeOther());
		// Invoice writes invalidate by tag only; a ticket write revalidates its page
		// path.
		mvc.perform(formJson(org.admin(), "/tickets").param("title", "Logged").param("body", "path"))
			.andExpect(status().isOk());

		List<InvalidationLogEntry> mine = invalidations.recentFor(org.id(), 10);
		assertThat(mine).anySatisfy(entry -> assertThat(entry.path()).isTrue());
		assertThat(mine).anySatisfy(entry -> assertThat(entry.target()).contains(Long.toString(invoice.id())));
		assertThat(newestLogged(other)).isEqualTo(othersNewest);
		String page = mvc.perform(page(other.admin(), "/inspector")).andReturn().getResponse().getContentAsString();
		assertThat(new PageHtml(page).items("invalidation-log"))
			.noneSatisfy(item -> assertThat(item.getOrDefault("data-tag", "")).contains(org.id()));
	}

	@Test
	void theInspectorsOrgWideSwitchesAreForAdminsOnly() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		mvc.perform(form(org.member(), "/inspector/misuse")).andExpect(status().isForbidden());
		mvc.perform(formJson(org.member(), "/inspector/misuse"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error.code").value("forbidden"));
		assertThat(misuse.isOn(org.id())).isFalse();
		mvc.perform(form(org.member(), "/inspector/fail-next-comment")).andExpect(status().isForbidden());
		mvc.perform(formJson(org.member(), "/inspector/fail-next-comment"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error.code").value("forbidden"));
		// Nothing was armed: the next comment in the org is stored.
		comment(org.admin(), invoice, "Still works").andExpect(status().isOk());

		// An admin's switches work, for everyone in the org.
		mvc.perform(formJson(org.admin(), "/inspector/misuse")).andExpect(status().isOk());
		assertThat(misuse.isOn(org.id())).isTrue();
		mvc.perform(formJson(org.admin(), "/inspector/fail-next-comment"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true));
		comment(org.member(), invoice, "Doomed").andExpect(status().isInternalServerError());
		comment(org.member(), invoice, "Stored").andExpect(status().isOk());
	}

	@Test
	void aPageRouteWithoutAnAcceptHeaderGetsTheSignInRedirectNotJson() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		for (String url : List.of("/invoices", "/invoices/" + invoice.id(), "/tickets", "/inspector")) {
			for (String accept : new String[] { null, "*/*", "text/html", "application/json;q=0, */*",
					"application/json, text/html" }) {
				var request = get(url);
				if (accept != null) {
					request.header("Accept", accept);
				}
				mvc.perform(request)
					.andExpect(status().isFound())
					.andExpect(header().string("Location", endsWith("/login")));
			}
			for (String accept : List.of("application/json", "application/problem+json", "APPLICATION/JSON",
					"application/json, */*;q=0.1")) {
				mvc.perform(get(url).header("Accept", accept))
					.andExpect(status().isUnauthorized())
					.andExpect(header().doesNotExist("Location"))
					.andExpect(jsonPath("$.error.code").value("unauthorized"));
			}
		}
		mvc.perform(get("/api/invoices/" + invoice.id() + "/comments").header("Accept", "*/*"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error.code").value("unauthorized"));
	}

	@Test
	void aRefusedCsrfTokenOnAPageFormIsTheErrorPageAndJsonOnlyForJson() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "10.00");
		for (String accept : new String[] { null, "*/*", "text/html" }) {
			var request = post("/invoices/" + invoice.id() + "/archive").with(user(org.admin()))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("version", "1");
			if (accept != null) {
				request.header("Accept", accept);
			}
			var response = mvc.perform(request).andExpect(status().isForbidden()).andReturn().getResponse();
			assertThat(String.valueOf(response.getContentType())).as(String.valueOf(accept)).doesNotContain("json");
			assertThat(response.getContentAsString()).as(String.valueOf(accept)).doesNotContain("\"ok\"");
		}
		mvc.perform(post("/invoices/" + invoice.id() + "/archive").with(user(org.admin()))
			.accept(MediaType.APPLICATION_JSON)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", "1"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error.code").value("forbidden"));
		assertThat(fixtures.row(invoice.id()).archived()).isFalse();
	}

	private org.springframework.test.web.servlet.ResultActions comment(String email, TestInvoice invoice, String body)
			throws Exception {
		return mvc.perform(formJson(email, "/invoices/" + invoice.id() + "/comments")
			.param("clientId", java.util.UUID.randomUUID().toString())
			.param("body", body));
	}

	private long newestLogged(TestOrg of) {
		return invalidations.recentFor(of.id(), 1).stream().mapToLong(InvalidationLogEntry::id).findFirst().orElse(0);
	}

	private int ticketCount() {
		return jdbc.sql("SELECT COUNT(*) FROM tickets WHERE org_id = ?").param(org.id()).query(Integer.class).single();
	}

	/**
	 * The only inline script a page may carry is one the policy lets run: marked with
	 * this response's own nonce (the comment thread's import map).
	 */
	private static List<String> inlineScriptsWithoutTheNonce(String html, String policy) {
		Matcher nonce = POLICY_NONCE.matcher(policy);
		String allowed = nonce.find() ? "nonce=\"" + nonce.group(1) + "\"" : null;
		List<String> refused = new ArrayList<>();
		Matcher script = INLINE_SCRIPT.matcher(html);
		while (script.find()) {
			if (allowed == null || !script.group().contains(allowed)) {
				refused.add(script.group());
			}
		}
		return refused;
	}

}
