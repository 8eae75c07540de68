package io.ledgerline.tickets;

import static io.ledgerline.support.Requests.formJson;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;

/**
 * Each org numbers its own tickets #1, #2, …; a deleted ticket's number is not reused.
 */
@IntegrationTest
class TicketNumberTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void everyOrgCountsFromOneAndNeverReusesANumber() throws Exception {
		TestOrg first = fixtures.org();
		TestOrg second = fixtures.org();

		create(first, "One", 1);
		long two = create(first, "Two", 2);
		create(second, "Elsewhere", 1);
		mvc.perform(formJson(first.admin(), "/tickets/" + two + "/delete")).andExpect(status().isOk());
		create(first, "Three", 3);
	}

	private long create(TestOrg org, String title, long expectedNumber) throws Exception {
		String body = mvc.perform(formJson(org.member(), "/tickets").param("title", title))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.number").value(expectedNumber))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
	}

}
