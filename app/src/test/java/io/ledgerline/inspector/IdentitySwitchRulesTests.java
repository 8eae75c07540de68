package io.ledgerline.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;

/**
 * The identity switch grants nothing its user could not do anyway: admins only, only to
 * users all of whose orgs they administer, and every switch is audited.
 */
@IntegrationTest
class IdentitySwitchRulesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anotherOrgsAdminCannotBecomeAcmesAdmin() throws Exception {
		long before = switches("dana@acme.test");
		MockHttpSession session = new MockHttpSession();
		mvc.perform(actAs("hank@globex.test", "dana@acme.test", session)).andExpect(status().isForbidden());
		assertThat(signedIn(session)).isEqualTo("hank@globex.test");
		assertThat(switches("dana@acme.test")).isEqualTo(before);
	}

	@Test
	void aMemberCannotSwitchAtAll() throws Exception {
		mvc.perform(actAs("priya@acme.test", "dana@acme.test", new MockHttpSession()))
			.andExpect(status().isForbidden());
		mvc.perform(actAs("priya@acme.test", "olga@multi.test", new MockHttpSession()))
			.andExpect(status().isForbidden());
	}

	@Test
	void anAdminCannotBecomeSomeoneWhoAlsoBelongsToAnOrgTheyDoNotAdminister() throws Exception {
		// olga is Globex's admin too: becoming her would hand dana Globex.
		mvc.perform(actAs("dana@acme.test", "olga@multi.test", new MockHttpSession()))
			.andExpect(status().isForbidden());
	}

	@Test
	void anAdminOfAFreshOrgCannotBecomeADemoUser() throws Exception {
		TestOrg org = fixtures.org();
		mvc.perform(actAs(org.admin(), "priya@acme.test", new MockHttpSession())).andExpect(status().isForbidden());
	}

	@Test
	void anAdminBecomesAMemberOfTheirOrgAndTheSwitchIsAudited() throws Exception {
		long before = switches("priya@acme.test");
		MockHttpSession session = new MockHttpSession();
		mvc.perform(actAs("dana@acme.test", "priya@acme.test", session)).andExpect(status().isSeeOther());
		assertThat(signedIn(session)).isEqualTo("priya@acme.test");
		assertThat(switches("priya@acme.test")).isEqualTo(before + 1);
		String detail = jdbc.sql("""
				SELECT a.detail FROM audit_log a JOIN users u ON u.id = a.actor_id
				WHERE a.action = 'identity.switch' AND a.subject_id = ? AND a.org_id = 'acme' AND u.email = ?
				ORDER BY a.id DESC LIMIT 1""").params("priya@acme.test", "dana@acme.test").query(String.class).single();
		assertThat(detail).contains("dana@acme.test").contains("priya@acme.test");
	}

	@Test
	void theSwitchReadsAUsernameAsTheSignInDoes() throws Exception {
		for (String spelling : List.of("priya@acme.test\u0000", "priya@acme.test\t", "\u200bpriya@acme.test",
				"priya@acme.test\u0085")) {
			MockHttpSession session = new MockHttpSession();
			mvc.perform(actAs("dana@acme.test", spelling, session))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("control characters")));
			assertThat(signedIn(session)).isEqualTo("dana@acme.test");
		}
		// Upper case, spaces and full-width letters name priya, as at the sign-in form.
		for (String spelling : List.of(" PRIYA@acme.test ",
				"\uff50\uff52\uff49\uff59\uff41\uff20\uff41\uff43\uff4d\uff45\uff0e\uff54\uff45\uff53\uff54")) {
			MockHttpSession session = new MockHttpSession();
			mvc.perform(actAs("dana@acme.test", spelling, session)).andExpect(status().isSeeOther());
			assertThat(signedIn(session)).isEqualTo("priya@acme.test");
		}
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder actAs(String actor,
			String target, MockHttpSession session) {
		return post("/inspector/identity").param("username", target)
			.with(user(actor))
			.with(csrf())
			.session(session)
			.accept(MediaType.TEXT_HTML);
	}

	/** Who the session is signed in as afterwards, or null when nobody is. */
	private String signedIn(MockHttpSession session) throws Exception {
		var response = mvc.perform(get("/invoices").session(session).accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse();
		if (response.getStatus() != 200) {
			return null;
		}
		return new PageHtml(response.getContentAsString()).text("current-user");
	}

	private long switches(String target) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'identity.switch' AND subject_id = ?")
			.param(target)
			.query(Long.class)
			.single();
	}

}
