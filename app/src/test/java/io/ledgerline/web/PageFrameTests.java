package io.ledgerline.web;

import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;

/**
 * The frame around every page: header and navigation (also on error pages of a signed-in
 * user), the nav's current page, the favicon, the toast after switching org.
 */
@IntegrationTest
class PageFrameTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void errorPagesOfASignedInUserKeepTheHeaderAndNavigation() throws Exception {
		TestOrg org = fixtures.org();
		assertFramed(org.member(), "/invoices/999999999", status().isNotFound());
		assertFramed(org.member(), "/invoices?view=all", status().isForbidden());
		assertFramed(org.member(), "/invoices/abc", status().isBadRequest());
	}

	@Test
	void theNavMarksTheCurrentPage() throws Exception {
		TestOrg org = fixtures.org();
		assertThat(body(org.member(), "/tickets")).containsPattern("aria-current=\"page\"[^>]*>Support<")
			.doesNotContainPattern("aria-current=\"page\"[^>]*>Invoices<");
		assertThat(body(org.member(), "/invoices")).containsPattern("aria-current=\"page\"[^>]*>Invoices<");
	}

	@Test
	void theFaviconIsServedWithoutSigningIn() throws Exception {
		byte[] icon = mvc.perform(get("/favicon.ico"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(icon).startsWith(0, 0, 1, 0);
	}

	@Test
	void switchingOrgSaysWhereYouAre() throws Exception {
		TestOrg first = fixtures.org();
		TestOrg second = fixtures.org();
		fixtures.user(first.admin(), second.id(), "member");

		mvc.perform(post("/orgs/switch").with(user(first.admin())).with(csrf()).param("orgId", second.id()))
			.andExpect(status().isSeeOther())
			.andExpect(flash().attribute(Toast.ATTRIBUTE,
					new Toast(Toast.Kind.INFO, "Switched to Org " + second.id() + ".")));
	}

	private void assertFramed(String email, String url, ResultMatcher expectedStatus) throws Exception {
		String html = mvc.perform(page(email, url))
			.andExpect(expectedStatus)
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).as(url)
			.contains("data-testid=\"current-user\">" + email + "<", "data-testid=\"sign-out\"", "aria-label=\"Main\"",
					"data-testid=\"error-message\"");
	}

	private String body(String email, String url) throws Exception {
		return mvc.perform(page(email, url).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
