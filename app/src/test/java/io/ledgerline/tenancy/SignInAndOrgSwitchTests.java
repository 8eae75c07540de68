package io.ledgerline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;

@IntegrationTest
class SignInAndOrgSwitchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void theLoginFormSignsInAndLandsOnTheInvoices() throws Exception {
		TestOrg org = fixtures.org();
		mvc.perform(formLogin("/login").user(org.admin()).password(Fixtures.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/invoices"));
		mvc.perform(formLogin("/login").user(org.admin()).password("wrong")).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void pagesRedirectToLoginButTheApiAnswers401Json() throws Exception {
		mvc.perform(get("/invoices").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
		mvc.perform(get("/api/invoices/1/comments"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("unauthorized"));
		mvc.perform(get("/invoices/1").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
	}

	@Test
	void aUserSwitchesOnlyToOrgsTheyBelongTo() throws Exception {
		TestOrg first = fixtures.org();
		TestOrg second = fixtures.org();
		TestOrg foreign = fixtures.org();
		fixtures.user(first.admin(), second.id(), "member");
		Fixtures.TestInvoice inSecond = fixtures.invoice(second, "5.00");
		MockHttpSession session = signIn(first.admin());
		mvc.perform(post("/orgs/switch").session(session).with(csrf()).param("orgId", first.id()))
			.andExpect(status().isSeeOther());

		mvc.perform(get("/invoices/" + inSecond.id()).session(session)).andExpect(status().isNotFound());

		mvc.perform(post("/orgs/switch").session(session).with(csrf()).param("orgId", second.id()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices"));
		MvcResult detail = mvc.perform(get("/invoices/" + inSecond.id()).session(session))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(detail.getResponse().getContentAsString()).contains("data-testid=\"current-role\">member<");

		mvc.perform(post("/orgs/switch").session(session).with(csrf()).param("orgId", foreign.id()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/orgs/switch").session(session).with(csrf()).param("orgId", "NOT AN ID"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/invoices/" + inSecond.id()).session(session)).andExpect(status().isOk());
	}

	@Test
	void aRevokedMembershipStopsWorkingOnTheNextRequest() throws Exception {
		TestOrg org = fixtures.org();
		Fixtures.TestInvoice invoice = fixtures.invoice(org, "5.00");
		MockHttpSession session = signIn(org.member());
		mvc.perform(get("/invoices/" + invoice.id()).session(session)).andExpect(status().isOk());

		long memberId = fixtures.userId(org.member());
		mvc.perform(post("/members/" + memberId + "/remove").with(user(org.admin())).with(csrf()))
			.andExpect(status().isSeeOther());

		mvc.perform(get("/invoices/" + invoice.id()).session(session)).andExpect(status().isForbidden());
	}

	private MockHttpSession signIn(String email) throws Exception {
		MvcResult login = mvc.perform(formLogin("/login").user(email).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/invoices"))
			.andReturn();
		return (MockHttpSession) login.getRequest().getSession(false);
	}

}
