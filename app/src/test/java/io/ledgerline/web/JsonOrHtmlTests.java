package io.ledgerline.web;

import static io.ledgerline.support.Requests.formJson;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;

/** Which handler answers follows one rule: JSON only when asked for and HTML is not. */
@IntegrationTest
class JsonOrHtmlTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void anyAcceptOrNoneGetsThePage() throws Exception {
		TestOrg org = fixtures.org();
		mvc.perform(get("/invoices").with(user(org.member())).accept(MediaType.ALL))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
		mvc.perform(get("/invoices").with(user(org.member())))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
		mvc.perform(get("/invoices").with(user(org.member())).header("Accept", "application/json, text/html"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
	}

	@Test
	void jsonAskedForGetsTheEnvelope() throws Exception {
		TestOrg org = fixtures.org();
		mvc.perform(get("/invoices").with(user(org.member())).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.data.rows").isArray());
	}

	@Test
	void validationMessagesHaveTheirOwnField() throws Exception {
		mvc.perform(formJson(fixtures.org().member(), "/tickets").param("title", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("validation"))
			.andExpect(jsonPath("$.error.fieldErrors.title").value("Title is required."));
	}

}
