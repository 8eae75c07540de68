package io.ledgerline.comments;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.json;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;

/**
 * The thread's read and write seams through HTTP and the real security chain: paging,
 * strict parameters, tenancy, idempotency on clientId, validation, audit.
 */
@IntegrationTest
class CommentApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper mapper;

	TestOrg acme;

	TestOrg globex;

	TestInvoice invoice;

	@BeforeEach
	void setUp() {
		acme = fixtures.org();
		globex = fixtures.org();
		invoice = fixtures.invoice(acme, "100.00");
	}

	@Test
	void pagingTheDemoThreadBy20VisitsEveryCommentOnceNewestFirstAndEndsWithANullCursor() throws Exception {
		long demo = fixtures.demoInvoiceId("INV-1042");
		long stored = commentsOn(demo);
		assertThat(stored).isGreaterThanOrEqualTo(65);

		List<JsonNode> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String url = "/api/invoices/" + demo + "/comments?limit=20" + (cursor == null ? "" : "&cursor=" + cursor);
			JsonNode page = read(mvc.perform(json("dana@acme.test", url)).andExpect(status().isOk()).andReturn());
			assertThat(page.get("comments").size()).isBetween(1, 20);
			page.get("comments").forEach(seen::add);
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 100);

		assertThat(cursor).isNull();
		assertThat(pages).isEqualTo((int) ((stored + 19) / 20));
		Set<String> ids = new HashSet<>();
		seen.forEach(c -> ids.add(c.get("id").asString()));
		assertThat(ids).hasSize(seen.size()).hasSize((int) stored);
		for (int i = 1; i < seen.size(); i++) {
			assertThat(seen.get(i).get("createdAt").asString())
				.isLessThanOrEqualTo(seen.get(i - 1).get("createdAt").asString());
		}
		JsonNode newest = seen.get(0);
		assertThat(newest.propertyNames()).containsExactlyInAnyOrder("id", "invoiceId", "authorName", "body",
				"createdAt");
		assertThat(newest.get("invoiceId").asLong()).isEqualTo(demo);
		assertThat(newest.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(List.of(seen.get(0), seen.get(1), seen.get(2)).stream().map(c -> c.get("authorName").asString()))
			.containsExactly("Dana Whitfield", "Priya Raman", "Dana Whitfield");
	}

	@Test
	void theDefaultPageIs20AndTheLimitIsHonoured() throws Exception {
		long demo = fixtures.demoInvoiceId("INV-1042");
		mvc.perform(json("dana@acme.test", "/api/invoices/" + demo + "/comments"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.comments.length()").value(20));
		mvc.perform(json("dana@acme.test", "/api/invoices/" + demo + "/comments?limit=100"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.comments.length()").value((int) Math.min(100, commentsOn(demo))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "cursor=!!!", "cursor=abc", "cursor=YzE6MTIzOm5vdC1hLXV1aWQ", "cursor=aWQ6NDI", "limit=0",
			"limit=101", "limit=-1", "limit=ten", "limit=1.5", "limit=" })
	void aMalformedCursorOrLimitIsAJson400(String query) throws Exception {
		mvc.perform(json(acme.member(), "/api/invoices/" + invoice.id() + "/comments?" + query))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("bad_request"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\uff12\uff10", "\u0662\u0660", "\u0968", "+20", " 20", "20 ", "1e2" })
	void aLimitInAnythingButPlainAsciiDigitsIsAJson400(String limit) throws Exception {
		mvc.perform(json(acme.member(), "/api/invoices/" + invoice.id() + "/comments").param("limit", limit))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("bad_request"))
			.andExpect(jsonPath("$.error.message").value("limit must be a whole number from 1 to 100."));
	}

	@Test
	void aCursorWhosePositionIsNotInAsciiDigitsIsAJson400() throws Exception {
		post(acme.member(), invoice.id(), UUID.randomUUID(), "One").andExpect(status().isOk());
		String id = UUID.randomUUID().toString();
		String millis = "1764000000000";
		mvc.perform(json(acme.member(), "/api/invoices/" + invoice.id() + "/comments").param("cursor",
				cursor(millis + ":" + id)))
			.andExpect(status().isOk());
		String fullWidth = millis.chars()
			.mapToObj(c -> Character.toString(c - '0' + 0xff10))
			.reduce("", String::concat);
		for (String position : List.of(fullWidth, "+" + millis, "\u0661" + millis.substring(1))) {
			mvc.perform(json(acme.member(), "/api/invoices/" + invoice.id() + "/comments").param("cursor",
					cursor(position + ":" + id)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.error.code").value("bad_request"));
		}
	}

	@Test
	void aPageCarriesOkTrueBesideItsPublishedMembers() throws Exception {
		post(acme.member(), invoice.id(), UUID.randomUUID(), "One").andExpect(status().isOk());
		JsonNode page = read(mvc.perform(json(acme.member(), "/api/invoices/" + invoice.id() + "/comments"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(page.propertyNames()).containsExactlyInAnyOrder("ok", "comments", "nextCursor");
		assertThat(page.get("ok").asBoolean()).isTrue();
		assertThat(page.get("comments").size()).isEqualTo(1);
		assertThat(page.get("nextCursor").isNull()).isTrue();
	}

	/** A cursor as the server writes them, around the given "millis:uuid". */
	private static String cursor(String position) {
		return java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("c1:" + position).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void anotherOrgsInvoiceIsAJson404() throws Exception {
		post(acme.member(), invoice.id(), UUID.randomUUID(), "Only for acme").andExpect(status().isOk());
		mvc.perform(json(globex.admin(), "/api/invoices/" + invoice.id() + "/comments"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("not_found"))
			.andExpect(jsonPath("$.comments").doesNotExist());
		mvc.perform(json(globex.admin(), "/api/invoices/999999999/comments")).andExpect(status().isNotFound());
	}

	@Test
	void noSessionIsAJson401NotARedirect() throws Exception {
		mvc.perform(get("/api/invoices/" + invoice.id() + "/comments"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("unauthorized"));
		mvc.perform(get("/api/invoices/" + invoice.id() + "/comments").accept(MediaType.TEXT_HTML))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("Location"));
	}

	@Test
	void theSameClientIdPostedTwiceStoresOneCommentAndAnswersWithItBothTimes() throws Exception {
		UUID clientId = UUID.randomUUID();
		JsonNode first = read(
				post(acme.member(), invoice.id(), clientId, "Looks right to me.").andExpect(status().isOk())
					.andExpect(jsonPath("$.ok").value(true))
					.andReturn())
			.get("data");
		JsonNode second = read(
				post(acme.member(), invoice.id(), clientId, "Looks right to me.").andExpect(status().isOk())
					.andReturn())
			.get("data");

		assertThat(first.get("id").asString()).isEqualTo(clientId.toString());
		assertThat(second).isEqualTo(first);
		assertThat(commentsOn(invoice.id())).isEqualTo(1);
		assertThat(auditRowsOf(clientId)).isEqualTo(1);
		// The plain form's repeat (a double submit) is answered like the first: back to
		// the
		// thread.
		mvc.perform(
				form(acme.member(), "/invoices/" + invoice.id() + "/comments").param("clientId", clientId.toString())
					.param("body", "Looks right to me."))
			.andExpect(status().isSeeOther());
		assertThat(commentsOn(invoice.id())).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\n\t ", "bell\u0007", "nul\u0000byte" })
	void anEmptyBodyOrControlCharactersAreA422WithNothingStored(String body) throws Exception {
		UUID clientId = UUID.randomUUID();
		post(acme.member(), invoice.id(), clientId, body).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("validation"));
		assertThat(commentsOn(invoice.id())).isZero();
		assertThat(auditRowsOf(clientId)).isZero();
	}

	@Test
	void aBodyOver2000CharactersIsA422WithNothingStoredAnd2000AfterTrimmingIsFine() throws Exception {
		post(acme.member(), invoice.id(), UUID.randomUUID(), "x".repeat(2001))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.error.code").value("validation"));
		mvc.perform(form(acme.member(), "/invoices/" + invoice.id() + "/comments")
			.param("clientId", UUID.randomUUID().toString())
			.param("body", "")).andExpect(status().isUnprocessableContent());
		assertThat(commentsOn(invoice.id())).isZero();

		JsonNode stored = read(post(acme.member(), invoice.id(), UUID.randomUUID(), "  " + "y".repeat(2000) + "\n ")
			.andExpect(status().isOk())
			.andReturn()).get("data");
		assertThat(stored.get("body").asString()).hasSize(2000);
	}

	@Test
	void everyStoredCommentHasItsAuditRow() throws Exception {
		List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		for (UUID id : ids) {
			post(acme.member(), invoice.id(), id, "Note " + id).andExpect(status().isOk());
		}
		for (UUID id : ids) {
			assertThat(auditRowsOf(id)).isEqualTo(1);
		}
		long withoutAudit = jdbc.sql("""
				SELECT COUNT(*) FROM comments c WHERE NOT EXISTS (
				  SELECT 1 FROM audit_log a WHERE a.subject_type = 'comment' AND a.action = 'comment.create'
				  AND a.subject_id = CAST(c.id AS VARCHAR(60)) AND a.org_id = c.org_id AND a.actor_id = c.author_id)""")
			.query(Long.class)
			.single();
		assertThat(withoutAudit).isZero();
	}

	@Test
	void aClientIdNamingAnotherUsersCommentIsRefusedWithoutRevealingIt() throws Exception {
		UUID clientId = UUID.randomUUID();
		post(acme.member(), invoice.id(), clientId, "Secret draft remark").andExpect(status().isOk());

		String answer = post(acme.admin(), invoice.id(), clientId, "Something else")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.ok").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(answer).doesNotContain("Secret draft remark").doesNotContain("\"data\"");
		assertThat(commentsOn(invoice.id())).isEqualTo(1);
		assertThat(bodyOf(clientId)).isEqualTo("Secret draft remark");
	}

	@Test
	void aClientIdNamingACommentOnAnotherInvoiceOrInAnotherOrgIsRefused() throws Exception {
		UUID clientId = UUID.randomUUID();
		post(acme.member(), invoice.id(), clientId, "On the first invoice").andExpect(status().isOk());
		TestInvoice other = fixtures.invoice(acme, "5.00");
		TestInvoice globexInvoice = fixtures.invoice(globex, "7.00");

		String sameUserOtherInvoice = post(acme.member(), other.id(), clientId, "Moved?")
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String otherOrg = post(globex.admin(), globexInvoice.id(), clientId, "Mine now")
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(sameUserOtherInvoice).doesNotContain("On the first invoice");
		assertThat(otherOrg).doesNotContain("On the first invoice");
		assertThat(commentsOn(other.id())).isZero();
		assertThat(commentsOn(globexInvoice.id())).isZero();
		assertThat(bodyOf(clientId)).isEqualTo("On the first invoice");
	}

	@Test
	void postingToAnotherOrgsInvoiceIsA404WithNothingStored() throws Exception {
		UUID clientId = UUID.randomUUID();
		post(globex.admin(), invoice.id(), clientId, "Hello from elsewhere").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error.code").value("not_found"));
		mvc.perform(
				form(globex.admin(), "/invoices/" + invoice.id() + "/comments").param("clientId", clientId.toString())
					.param("body", "Hello from elsewhere"))
			.andExpect(status().isNotFound());
		assertThat(commentsOn(invoice.id())).isZero();
		assertThat(auditRowsOf(clientId)).isZero();
	}

	@Test
	void aMalformedClientIdIsA400WithNothingStored() throws Exception {
		post(acme.member(), invoice.id(), "not-a-uuid", "Hi").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("bad_request"));
		assertThat(commentsOn(invoice.id())).isZero();
	}

	@Test
	void aPlainFormPostAnswers303BackToTheThreadAndTheServerRenderedCountMoves() throws Exception {
		assertThat(detail(acme.member(), invoice.id()).text("comment-count")).isEqualTo("0");

		mvc.perform(form(acme.member(), "/invoices/" + invoice.id() + "/comments")
			.param("clientId", UUID.randomUUID().toString())
			.param("body", "Posted without JavaScript"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/invoices/" + invoice.id() + "#comment-thread"));

		PageHtml after = detail(acme.member(), invoice.id());
		assertThat(after.text("comment-count")).isEqualTo("1");
		assertThat(after.toString()).contains("Posted without JavaScript");
	}

	@Test
	void theDetailPageRendersTheFirstPageOnTheServerAndHandsItToTheClient() throws Exception {
		long demo = fixtures.demoInvoiceId("INV-1042");
		PageHtml html = detail("dana@acme.test", demo);

		assertThat(html.count("data-testid=\"comment\"")).isEqualTo(20);
		assertThat(html.text("comment-count")).isEqualTo(Long.toString(commentsOn(demo)));
		assertThat(html.has("load-older")).isTrue();
		assertThat(html.formsPostingTo("/invoices/" + demo + "/comments")).isEqualTo(1);
		String initial = html.attributes("comment-thread").get("data-initial");
		JsonNode first = mapper.readTree(initial);
		JsonNode api = read(mvc.perform(json("dana@acme.test", "/api/invoices/" + demo + "/comments"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(first).isEqualTo(api);
		assertThat(html.toString()).contains("data-comment-id=\"" + api.get("comments").get(0).get("id").asString());
	}

	@Test
	void aMembersSoftDeletedInvoiceHasNoThreadToReadOrPostTo() throws Exception {
		post(acme.member(), invoice.id(), UUID.randomUUID(), "Before the delete").andExpect(status().isOk());
		jdbc.sql("UPDATE invoices SET deleted_at = updated_at WHERE id = ?").param(invoice.id()).update();

		mvc.perform(json(acme.member(), "/api/invoices/" + invoice.id() + "/comments"))
			.andExpect(status().isNotFound());
		post(acme.member(), invoice.id(), UUID.randomUUID(), "After the delete").andExpect(status().isNotFound());
		assertThat(commentsOn(invoice.id())).isEqualTo(1);
		// Admins see deleted invoices (as on the detail page), and their thread.
		mvc.perform(json(acme.admin(), "/api/invoices/" + invoice.id() + "/comments"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.comments.length()").value(1));
	}

	@Test
	void theInspectorsFailNextCommentFailsOnlyTheNextPostOfThatOrg() throws Exception {
		TestInvoice globexInvoice = fixtures.invoice(globex, "7.00");
		// Armed by an admin (an org-wide switch); it fails the next post of anyone
		// in the org.
		mvc.perform(form(acme.admin(), "/inspector/fail-next-comment")).andExpect(status().isSeeOther());

		post(globex.admin(), globexInvoice.id(), UUID.randomUUID(), "Other org unaffected").andExpect(status().isOk());
		UUID failed = UUID.randomUUID();
		post(acme.member(), invoice.id(), failed, "Doomed").andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.ok").value(false));
		assertThat(commentsOn(invoice.id())).isZero();
		assertThat(auditRowsOf(failed)).isZero();
		post(acme.member(), invoice.id(), failed, "Second try").andExpect(status().isOk());
		assertThat(commentsOn(invoice.id())).isEqualTo(1);
	}

	@Test
	void aPostExpiresTheInvoiceRecordWithUpdateTagFromTheAction() throws Exception {
		post(acme.member(), invoice.id(), UUID.randomUUID(), "Tagged").andExpect(status().isOk());
		long logged = jdbc.sql(
				"SELECT COUNT(*) FROM invalidation_log WHERE target = ? AND primitive = 'updateTag' AND source = 'action'")
			.param("org:" + acme.id() + ":invoice:" + invoice.id())
			.query(Long.class)
			.single();
		assertThat(logged).isEqualTo(1);
	}

	private org.springframework.test.web.servlet.ResultActions post(String email, long invoiceId, Object clientId,
			String body) throws Exception {
		return mvc
			.perform(formJson(email, "/invoices/" + invoiceId + "/comments").param("clientId", clientId.toString())
				.param("body", body));
	}

	private PageHtml detail(String email, long invoiceId) throws Exception {
		return new PageHtml(mvc.perform(page(email, "/invoices/" + invoiceId))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private JsonNode read(MvcResult result) throws Exception {
		return mapper.readTree(result.getResponse().getContentAsString());
	}

	private long commentsOn(long invoiceId) {
		return jdbc.sql("SELECT COUNT(*) FROM comments WHERE invoice_id = ?")
			.param(invoiceId)
			.query(Long.class)
			.single();
	}

	private long auditRowsOf(UUID commentId) {
		return jdbc
			.sql("""
					SELECT COUNT(*) FROM audit_log WHERE subject_type = 'comment' AND subject_id = ? AND action = 'comment.create'""")
			.param(commentId.toString())
			.query(Long.class)
			.single();
	}

	private String bodyOf(UUID commentId) {
		return jdbc.sql("SELECT body FROM comments WHERE id = ?").param(commentId).query(String.class).single();
	}

}
