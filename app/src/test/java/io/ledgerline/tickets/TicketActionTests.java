package io.ledgerline.tickets;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.page;
import static io.ledgerline.tickets.TicketTestData.renderedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.web.Toast;

/**
 * Create, status change and delete: what each answers, writes, audits and invalidates,
 * and that a refused one (validation, tenancy, role, malformed id) does none of it.
 */
@IntegrationTest
class TicketActionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ManualClock clock;

	@Autowired
	JdbcClient jdbc;

	TicketTestData data;

	TestOrg org;

	TestOrg other;

	long ticket;

	long othersTicket;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, clock, fixtures);
		org = fixtures.org();
		other = fixtures.org();
		ticket = data.ticket(org.id(), "Ours", TicketStatus.OPEN);
		othersTicket = data.ticket(other.id(), "Theirs", TicketStatus.OPEN);
	}

	// --- successful actions: one audit row, one invalidation, the JSON result
	// ------------------

	@Test
	void createStoresAnOpenTicketAuditsItAndAnswersJsonWhenAskedFor() throws Exception {
		int before = data.pageInvalidations();
		mvc.perform(formJson(org.member(), "/tickets").param("title", "  Needs a receipt  ")
			.param("body", "line one\r\nline two"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.data.title").value("Needs a receipt"))
			.andExpect(jsonPath("$.data.body").value("line one\nline two"))
			.andExpect(jsonPath("$.data.status").value("open"))
			.andExpect(jsonPath("$.data.orgId").doesNotExist());

		long created = data.newestTicketId(org.id());
		assertThat(data.row(created).orElseThrow().status()).isEqualTo("open");
		assertThat(data.auditRows(created, "ticket.create")).isEqualTo(1);
		assertThat(data.pageInvalidations()).isEqualTo(before + 1);
	}

	@Test
	void aStatusChangeIsWrittenAuditedAndReportedAsChanged() throws Exception {
		mvc.perform(formJson(org.member(), "/tickets/" + ticket + "/status").param("status", "done"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.changed").value(true))
			.andExpect(jsonPath("$.data.from").value("open"))
			.andExpect(jsonPath("$.data.ticket.status").value("done"));

		assertThat(data.row(ticket).orElseThrow().status()).isEqualTo("done");
		assertThat(data.auditRows(ticket, "ticket.status")).isEqualTo(1);
	}

	@Test
	void aNoOpStatusChangeWritesAuditsAndInvalidatesNothing() throws Exception {
		int before = data.pageInvalidations();
		mvc.perform(formJson(org.member(), "/tickets/" + ticket + "/status").param("status", "open"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.changed").value(false))
			.andExpect(jsonPath("$.data.ticket.status").value("open"));

		assertThat(data.auditRows(org.id())).isZero();
		assertThat(data.pageInvalidations()).isEqualTo(before);
	}

	@Test
	void anAdminDeletesAndTheDeleteIsAudited() throws Exception {
		mvc.perform(formJson(org.admin(), "/tickets/" + ticket + "/delete"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.id").value(ticket))
			.andExpect(jsonPath("$.data.deleted").value(true));

		assertThat(data.row(ticket)).isEmpty();
		assertThat(data.auditRows(ticket, "ticket.delete")).isEqualTo(1);

		mvc.perform(form(org.admin(), "/tickets/" + ticket + "/delete")).andExpect(status().isNotFound());
		assertThat(data.auditRows(ticket, "ticket.delete")).isEqualTo(1);
	}

	@Test
	void toastsAndAuditTextNameTheOrgsTicketNumberNotTheRowsId() throws Exception {
		assertThat(ticket).as("the fixture's id and number differ").isNotEqualTo(1);

		mvc.perform(form(org.member(), "/tickets").param("title", "Second").param("body", ""))
			.andExpect(flash().attribute("toast", new Toast(Toast.Kind.SUCCESS, "Ticket #2 opened.")));
		mvc.perform(form(org.member(), "/tickets/" + ticket + "/status").param("status", "done"))
			.andExpect(flash().attribute("toast", new Toast(Toast.Kind.SUCCESS, "Ticket #1 moved to done.")));
		mvc.perform(form(org.admin(), "/tickets/" + ticket + "/delete"))
			.andExpect(flash().attribute("toast", new Toast(Toast.Kind.SUCCESS, "Ticket #1 deleted.")));

		List<String> details = jdbc
			.sql("SELECT detail FROM audit_log WHERE org_id = ? AND subject_type = 'ticket' ORDER BY id")
			.param(org.id())
			.query(String.class)
			.list();
		assertThat(details).containsExactly("#2 opened: Second", "#1 open -> done", "#1 deleted: Ours");
	}

	// --- refused actions: nothing written, audited, invalidated or re-rendered
	// ------------------

	@ParameterizedTest(name = "[{index}] status=''{0}''")
	@ValueSource(strings = { "closed", "", "OPEN", "in progress", "done " })
	void anUnknownStatusIs422AndChangesNothing(String value) throws Exception {
		assertRefusedWithoutEffect(form(org.member(), "/tickets/" + ticket + "/status").param("status", value), 422);
	}

	@Test
	void aMissingStatusIs422() throws Exception {
		assertRefusedWithoutEffect(form(org.member(), "/tickets/" + ticket + "/status"), 422);
	}

	@Test
	void anUnknownStatusAsJsonIsAValidationError() throws Exception {
		mvc.perform(formJson(org.member(), "/tickets/" + ticket + "/status").param("status", "closed"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("validation"))
			.andExpect(jsonPath("$.error.message").value(containsString("open, in_progress, done")));
	}

	@Test
	void aMemberMayNotDelete() throws Exception {
		assertRefusedWithoutEffect(form(org.member(), "/tickets/" + ticket + "/delete"), 403);
		assertThat(data.row(ticket)).isPresent();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "abc", "1.5", "99999999999999999999", "%20" })
	void aMalformedIdIsABadRequestOnEveryRoute(String id) throws Exception {
		assertRefusedWithoutEffect(form(org.admin(), "/tickets/" + id + "/status").param("status", "done"), 400);
		assertRefusedWithoutEffect(form(org.admin(), "/tickets/" + id + "/delete"), 400);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(longs = { 0, -1, Long.MAX_VALUE })
	void anUnknownIdIsNotFound(long id) throws Exception {
		assertRefusedWithoutEffect(form(org.admin(), "/tickets/" + id + "/status").param("status", "done"), 404);
		assertRefusedWithoutEffect(form(org.admin(), "/tickets/" + id + "/delete"), 404);
	}

	@Test
	void anotherOrgsTicketIsNotFoundOnEveryRouteAndStaysUntouched() throws Exception {
		var theirs = data.row(othersTicket).orElseThrow();
		String theirBoard = renderedAt(html(other.admin()));

		assertRefusedWithoutEffect(form(org.admin(), "/tickets/" + othersTicket + "/status").param("status", "done"),
				404);
		assertRefusedWithoutEffect(form(org.admin(), "/tickets/" + othersTicket + "/delete"), 404);
		mvc.perform(formJson(org.admin(), "/tickets/" + othersTicket + "/delete"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error.code").value("not_found"));

		assertThat(data.row(othersTicket)).contains(theirs);
		assertThat(data.auditRows(other.id())).isZero();
		assertThat(html(org.admin())).doesNotContain("data-ticket-id=\"" + othersTicket + "\"")
			.doesNotContain("Theirs");
		assertThat(renderedAt(html(other.admin()))).isEqualTo(theirBoard);
	}

	@Test
	void aPostWithoutCsrfIsRefused() throws Exception {
		assertRefusedWithoutEffect(post("/tickets/" + ticket + "/status").with(user(org.admin()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("status", "done"), 403);
	}

	// --- create validation
	// ----------------------------------------------------------------------

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|',
			value = { "title|''|Title is required.", "title|'   '|Title is required.",
					"title|LONG_TITLE|Title must be at most 200 characters.",
					"title|TAB_TITLE|Title must be a single line of text.",
					"body|LONG_BODY|Details must be at most 5,000 characters.",
					"body|NUL_BODY|Details contain characters that are not allowed." })
	void anInvalidCreateIs422WithTheFormKeptAndAFieldError(String field, String value, String message)
			throws Exception {
		String title = field.equals("title") ? expand(value) : "A fine title";
		String body = field.equals("body") ? expand(value) : "Kept <body> text";
		String html = assertRefusedWithoutEffect(
				form(org.member(), "/tickets").param("title", title).param("body", body), 422);

		assertThat(html).contains("data-testid=\"field-error\" data-field=\"" + field + "\"").contains(message);
		if (field.equals("body")) {
			assertThat(html).as("the user's title is kept").contains("value=\"A fine title\"");
		}
		else {
			assertThat(html).as("the user's body is kept").contains("Kept &lt;body&gt; text</textarea>");
		}
		assertThat(html).as("the board is still shown").contains("data-testid=\"tickets-rendered-at\"");
		assertThat(data.ticketCount(org.id())).isEqualTo(1);
	}

	@Test
	void theLimitsThemselvesAreAccepted() throws Exception {
		// 5,000 characters once each CRLF counts as one line break (7,499 as sent).
		String body = "b\r\n".repeat(2_499) + "bb";
		mvc.perform(form(org.member(), "/tickets").param("title", "t".repeat(200)).param("body", body))
			.andExpect(status().isSeeOther());
		assertThat(data.ticketCount(org.id())).isEqualTo(2);
		assertThat(jdbc.sql("SELECT LENGTH(body) FROM tickets WHERE id = ?")
			.param(data.newestTicketId(org.id()))
			.query(Integer.class)
			.single()).isEqualTo(5_000);
	}

	@Test
	void missingCreateFieldsAreAValidationErrorNotAServerError() throws Exception {
		assertRefusedWithoutEffect(form(org.member(), "/tickets"), 422);
	}

	@Test
	void anInvalidCreateAsJsonListsTheFieldErrors() throws Exception {
		mvc.perform(formJson(org.member(), "/tickets").param("title", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.error.code").value("validation"))
			.andExpect(jsonPath("$.current.fieldErrors.title").value("Title is required."));
		assertThat(data.ticketCount(org.id())).isEqualTo(1);
	}

	/**
	 * Performs a request that must be refused with {@code status}, and checks it left no
	 * trace: no audit row, no invalidation log row, no re-rendered board, the tickets as
	 * they were.
	 */
	private String assertRefusedWithoutEffect(MockHttpServletRequestBuilder request, int status) throws Exception {
		String adminBoard = renderedAt(html(org.admin()));
		String memberBoard = renderedAt(html(org.member()));
		var ours = data.row(ticket);
		var theirs = data.row(othersTicket);
		int invalidations = data.pageInvalidations();
		int audits = data.auditRows(org.id()) + data.auditRows(other.id());
		int count = data.ticketCount(org.id());
		clock.advance(Duration.ofSeconds(5));

		String body = mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(data.pageInvalidations()).as("invalidation log rows").isEqualTo(invalidations);
		assertThat(data.auditRows(org.id()) + data.auditRows(other.id())).as("audit rows").isEqualTo(audits);
		assertThat(data.ticketCount(org.id())).isEqualTo(count);
		assertThat(List.of(data.row(ticket), data.row(othersTicket))).isEqualTo(List.of(ours, theirs));
		assertThat(renderedAt(html(org.admin()))).as("admin board not re-rendered").isEqualTo(adminBoard);
		assertThat(renderedAt(html(org.member()))).as("member board not re-rendered").isEqualTo(memberBoard);
		return body;
	}

	private String html(String email) throws Exception {
		return mvc.perform(page(email, "/tickets"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String expand(String value) {
		return switch (value) {
			case "LONG_TITLE" -> "t".repeat(201);
			case "TAB_TITLE" -> "split\ttitle";
			case "LONG_BODY" -> "b".repeat(5_001);
			case "NUL_BODY" -> "nul \u0000 byte";
			default -> value;
		};
	}

}
