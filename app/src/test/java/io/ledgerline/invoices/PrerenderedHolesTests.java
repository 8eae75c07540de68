package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;

/**
 * The prerendered list and detail pages are one rendering shared by everyone with the
 * same org and role, and every request still gets its own user, token, toast, nonce and
 * form key filled in.
 */
@IntegrationTest
class PrerenderedHolesTests {

	private static final Pattern FIRST_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern CLIENT_ID = Pattern.compile("name=\"clientId\" value=\"([^\"]*)\"");

	private static final Pattern IMPORT_MAP_NONCE = Pattern.compile("<script type=\"importmap\" nonce=\"([^\"]+)\"");

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

	@Test
	void eachRequestGetsItsOwnCommentKeyAndTheNonceOfItsOwnPolicy() throws Exception {
		MockHttpServletResponse first = get(org.member(), "/invoices/" + invoice.id());
		MockHttpServletResponse second = get(org.member(), "/invoices/" + invoice.id());
		PageHtml one = new PageHtml(first.getContentAsString());
		PageHtml two = new PageHtml(second.getContentAsString());

		assertThat(two.time("record-fetched-at")).as("the same load").isEqualTo(one.time("record-fetched-at"));
		String keyOne = group(CLIENT_ID, one);
		String keyTwo = group(CLIENT_ID, two);
		assertThat(UUID.fromString(keyOne).toString()).isEqualTo(keyOne);
		assertThat(UUID.fromString(keyTwo).version()).isEqualTo(4);
		assertThat(keyOne).isNotEqualTo(keyTwo);
		for (MockHttpServletResponse response : new MockHttpServletResponse[] { first, second }) {
			String nonce = group(IMPORT_MAP_NONCE, new PageHtml(response.getContentAsString()));
			assertThat(response.getHeader("Content-Security-Policy")).contains("'nonce-" + nonce + "'");
		}
		assertThat(group(IMPORT_MAP_NONCE, one)).isNotEqualTo(group(IMPORT_MAP_NONCE, two));
	}

	@Test
	void theToastARedirectLeftIsFilledIntoTheSharedListWithItsOwnToken() throws Exception {
		PageHtml before = html(org.member(), "/invoices?view=active");
		MvcResult archived = mvc
			.perform(form(org.member(), "/invoices/" + invoice.id() + "/archive").param("version", "1")
				.param("view", "active"))
			.andExpect(status().isSeeOther())
			.andReturn();
		MockHttpSession session = new MockHttpSession();

		PageHtml landing = new PageHtml(mvc
			.perform(page(org.member(), archived.getResponse().getRedirectedUrl()).session(session)
				.flashAttrs(archived.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		PageHtml again = html(org.member(), "/invoices?view=active");

		assertThat(before.hasRow(invoice.id())).isTrue();
		assertThat(landing.hasRow(invoice.id())).as("read-your-write").isFalse();
		assertThat(landing.has("toast")).isTrue();
		assertThat(landing.toString()).contains("<span class=\"toast-message\">" + invoice.number() + " archived.");
		assertThat(landing.formsPostingTo("/invoices/" + invoice.id() + "/restore")).as("the undo form, with a token")
			.isEqualTo(1);
		assertThat(landing.count("name=\"_csrf\" value=\"" + group(FIRST_TOKEN, landing) + "\""))
			.as("every form that posts carries this response's token (the search box is a GET: no token in a URL)")
			.isEqualTo(landing.count("<form") - landing.count("method=\"get\""));
		assertThat(again.has("toast")).isFalse();
	}

	@Test
	void theHeaderShowsWhoAsksAndTheirOwnOrgs() throws Exception {
		TestOrg other = fixtures.org();
		String both = "both@" + org.id() + ".test";
		fixtures.user(both, org.id(), "member");
		fixtures.user(both, other.id(), "admin");
		MockHttpSession session = new MockHttpSession();
		mvc.perform(form(both, "/orgs/switch").param("orgId", org.id()).session(session))
			.andExpect(status().isSeeOther());

		PageHtml theirs = new PageHtml(mvc.perform(page(both, "/invoices").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		PageHtml mine = html(org.member(), "/invoices");

		assertThat(theirs.text("current-user")).isEqualTo(both);
		assertThat(theirs.text("current-role")).isEqualTo("member");
		assertThat(mine.text("current-user")).isEqualTo(org.member());
		assertThat(theirs.toString())
			.contains("<option value=\"" + org.id() + "\" selected>Org " + org.id() + "</option>")
			.contains("<option value=\"" + other.id() + "\">Org " + other.id() + "</option>");
		assertThat(mine.toString()).doesNotContain(other.id()).doesNotContain(both);
		for (PageHtml page : new PageHtml[] { theirs, mine }) {
			assertThat(page.toString()).as("no marker is ever served").doesNotContain("ll-hole-");
		}
	}

	private PageHtml html(String email, String url) throws Exception {
		return new PageHtml(get(email, url).getContentAsString());
	}

	private MockHttpServletResponse get(String email, String url) throws Exception {
		return mvc.perform(page(email, url).session(new MockHttpSession()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	private static String group(Pattern pattern, PageHtml page) {
		Matcher matcher = pattern.matcher(page.toString());
		if (!matcher.find()) {
			throw new AssertionError("no " + pattern + " on the page");
		}
		return matcher.group(1);
	}

}
