package io.ledgerline.tickets;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.page;
import static io.ledgerline.tickets.TicketTestData.count;
import static io.ledgerline.tickets.TicketTestData.csrfOfForm;
import static io.ledgerline.tickets.TicketTestData.csrfValues;
import static io.ledgerline.tickets.TicketTestData.renderedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.tagcache.testing.ManualClock;

/** The shared board carries nobody's token or identity, and renders user text inert. */
@IntegrationTest
class TicketCsrfAndEscapingTests {

	/** What a form of the shared board held before its token hole was filled. */
	private static final String EMPTY_TOKEN_FIELD = "<input type=\"hidden\" name=\"_csrf\" value=\"\">";

	/** A token hole's shape, without this process's secret. */
	private static final String FORGED_HOLE = "ll-hole-00000000000000000000000000000000-CSRF-TOKEN-end";

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

	String secondMember;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, clock, fixtures);
		org = fixtures.org();
		secondMember = "member2@" + org.id() + ".test";
		fixtures.user(secondMember, org.id(), "member");
	}

	@Test
	void twoUsersSharingOneRenderingEachGetTheirOwnWorkingToken() throws Exception {
		long ticket = data.ticket(org.id(), "Token test", TicketStatus.OPEN);
		MockHttpSession sessionA = new MockHttpSession();
		MockHttpSession sessionB = new MockHttpSession();

		String pageA = html(org.member(), sessionA);
		clock.advance(Duration.ofSeconds(1));
		String pageB = html(secondMember, sessionB);

		assertThat(renderedAt(pageB)).as("one shared rendering").isEqualTo(renderedAt(pageA));
		String statusForm = "/tickets/" + ticket + "/status";
		String tokenA = csrfOfForm(pageA, statusForm);
		String tokenB = csrfOfForm(pageB, statusForm);
		assertThat(tokenA).isNotBlank();
		assertThat(tokenB).isNotBlank().isNotEqualTo(tokenA);
		assertThat(pageB).as("A's token is not on B's page").doesNotContain(tokenA);
		assertThat(pageA).as("the identity on A's page is A's").contains(org.member()).doesNotContain(secondMember);
		assertThat(pageB).contains(secondMember);

		// B cannot use the token printed on A's page: it belongs to A's session.
		mvc.perform(statusPost(secondMember, sessionB, statusForm, tokenA, "done")).andExpect(status().isForbidden());
		assertThat(data.row(ticket).orElseThrow().status()).isEqualTo("open");

		mvc.perform(statusPost(org.member(), sessionA, statusForm, tokenA, "in_progress"))
			.andExpect(status().isSeeOther());
		assertThat(data.row(ticket).orElseThrow().status()).isEqualTo("in_progress");

		mvc.perform(statusPost(secondMember, sessionB, statusForm, tokenB, "done")).andExpect(status().isSeeOther());
		assertThat(data.row(ticket).orElseThrow().status()).isEqualTo("done");
	}

	@Test
	void everyFormOnThePageCarriesExactlyOneFilledCsrfField() throws Exception {
		data.ticket(org.id(), "One", TicketStatus.OPEN);
		data.ticket(org.id(), "Two", TicketStatus.DONE);

		for (String email : new String[] { org.member(), org.admin() }) {
			String page = html(email, new MockHttpSession());
			assertThat(count(page, "name=\"_csrf\"")).as(email).isEqualTo(count(page, "<form"));
			assertThat(csrfValues(page)).as(email).allSatisfy(token -> assertThat(token).isNotBlank());
			assertThat(page).doesNotContain(EMPTY_TOKEN_FIELD).doesNotContain("ll-hole-");
		}
	}

	@Test
	void userTextIsRenderedInertAndCannotForgeTheTokenSlot() throws Exception {
		mvc.perform(form(org.member(), "/tickets").param("title", "<script>alert('t')</script>")
			.param("body", EMPTY_TOKEN_FIELD + FORGED_HOLE + "<img src=x onerror=alert(1)> & \"quotes\""))
			.andExpect(status().isSeeOther());

		String page = html(org.admin(), new MockHttpSession());

		assertThat(page).doesNotContain("<script>alert")
			.doesNotContain("<img src=x")
			.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;")
			.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;");
		assertThat(count(page, "name=\"_csrf\"")).as("the slot in the body was not filled")
			.isEqualTo(count(page, "<form"));
	}

	@Test
	void unicodeSurvivesTheRoundTrip() throws Exception {
		mvc.perform(form(org.member(), "/tickets").param("title", "Überweisung fehlt — 請求書 🧾"))
			.andExpect(status().isSeeOther());
		assertThat(html(org.member(), new MockHttpSession())).contains("Überweisung fehlt — 請求書 🧾");
	}

	private MockHttpServletRequestBuilder statusPost(String email, MockHttpSession session, String url, String token,
			String status) {
		return post(url).with(user(email))
			.session(session)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.TEXT_HTML)
			.param("_csrf", token)
			.param("status", status);
	}

	private String html(String email, MockHttpSession session) throws Exception {
		return mvc.perform(page(email, "/tickets").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
