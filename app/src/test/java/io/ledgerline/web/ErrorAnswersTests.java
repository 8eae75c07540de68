package io.ledgerline.web;

import static io.ledgerline.support.Requests.json;
import static io.ledgerline.support.Requests.page;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.IntegrationTest;

@IntegrationTest
class ErrorAnswersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void unknownAddressesAre404InBothShapes() throws Exception {
		Fixtures.TestOrg org = fixtures.org();
		mvc.perform(page(org.member(), "/no-such-page"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("There is nothing at this address.")));
		mvc.perform(json(org.member(), "/no-such-page"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error.code").value("not_found"));
	}

	@Test
	void errorsRaisedOutsideControllersKeepTheEnvelopeAndLeakNothing() throws Exception {
		mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("internal_error"))
			.andExpect(content().string(not(containsString("secret"))));
		mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500).accept(MediaType.TEXT_HTML))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(containsString("data-testid=\"error-message\"")));
	}

}
