package io.ledgerline.tenancy;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.StatementLog;
import io.ledgerline.tagcache.TagCache;

/**
 * The acting user is a cached read: a signed-in request for cached pages sends the
 * database nothing at all (seen at the JDBC connection), and a change on the Members page
 * counts from the very next request.
 */
@IntegrationTest
class ActingUserCacheTests {

	/** The one query that resolves a user's seats ({@link TenancyRepository}). */
	static final String SEATS_QUERY = "FROM users u LEFT JOIN memberships m";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TagCache cache;

	TestOrg org;

	@BeforeEach
	void org() {
		org = fixtures.org();
		fixtures.invoice(org, "10.00");
	}

	@Test
	void aSignedInRequestForCachedPagesSendsTheDatabaseNothing() throws Exception {
		long invoice = fixtures.invoice(org, "20.00").id();
		List<String> first = StatementLog.during(() -> {
			mvc.perform(page(org.member(), "/invoices")).andExpect(status().isOk());
			mvc.perform(page(org.member(), "/invoices/" + invoice)).andExpect(status().isOk());
			mvc.perform(page(org.member(), "/invoices?view=archived")).andExpect(status().isOk());
			mvc.perform(page(org.member(), "/tickets")).andExpect(status().isOk());
		});
		assertThat(first).as("the first requests load the user once, and the pages' data")
			.filteredOn(sql -> sql.contains(SEATS_QUERY))
			.hasSize(1);
		long hits = cache.stats().hits();

		List<String> again = StatementLog.during(() -> {
			mvc.perform(page(org.member(), "/invoices")).andExpect(status().isOk());
			mvc.perform(page(org.member(), "/invoices/" + invoice)).andExpect(status().isOk());
			mvc.perform(page(org.member(), "/invoices?view=archived")).andExpect(status().isOk());
			mvc.perform(page(org.member(), "/tickets")).andExpect(status().isOk());
		});
		assertThat(again).as("cached pages for a signed-in user: no statement at all").isEmpty();
		assertThat(cache.stats().hits()).as("the user's seats came from the cache").isGreaterThan(hits);
	}

	@Test
	void theKeyIsTheSignInNormalFormSoEverySpellingOfTheAccountSharesOneEntry() throws Exception {
		mvc.perform(page(org.member(), "/invoices")).andExpect(status().isOk());
		List<String> otherSpelling = StatementLog
			.during(() -> mvc.perform(page("  " + org.member().toUpperCase(java.util.Locale.ROOT) + " ", "/invoices"))
				.andExpect(status().isOk()));
		assertThat(otherSpelling).filteredOn(sql -> sql.contains(SEATS_QUERY)).isEmpty();
	}

	@Test
	void aPromotionAndADemotionCountOnTheMembersNextRequest() throws Exception {
		long memberId = userId(org.member());
		mvc.perform(page(org.member(), "/members")).andExpect(status().isForbidden());
		mvc.perform(page(org.member(), "/invoices?view=all")).andExpect(status().isForbidden());

		mvc.perform(form(org.admin(), "/members/" + memberId + "/role").param("role", "admin"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/members"));

		List<String> next = StatementLog.during(() -> {
			expect(page(org.member(), "/invoices?view=all"), status().isOk());
			expect(page(org.member(), "/members"), status().isOk());
		});
		assertThat(next).as("the change expired the entry: loaded once, then cached again")
			.filteredOn(sql -> sql.contains(SEATS_QUERY))
			.hasSize(1);

		mvc.perform(form(org.admin(), "/members/" + memberId + "/role").param("role", "member"))
			.andExpect(status().isSeeOther());
		mvc.perform(page(org.member(), "/members")).andExpect(status().isForbidden());
		mvc.perform(page(org.member(), "/invoices?view=all")).andExpect(status().isForbidden());
	}

	@Test
	void aRemovedSeatIsRefusedOnTheNextRequestAndTheOtherSeatsStay() throws Exception {
		TestOrg second = fixtures.org();
		fixtures.user(org.member(), second.id(), "member");
		mvc.perform(page(org.member(), "/invoices")).andExpect(status().isOk());

		mvc.perform(form(org.admin(), "/members/" + userId(org.member()) + "/remove")).andExpect(status().isSeeOther());

		String page = mvc.perform(page(org.member(), "/invoices"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).as("falls back to the org still theirs")
			.contains("Org " + second.id())
			.doesNotContain("Org " + org.id());

		mvc.perform(form(second.admin(), "/members/" + userId(org.member()) + "/remove"))
			.andExpect(status().isSeeOther());
		mvc.perform(page(org.member(), "/invoices")).andExpect(status().isForbidden());
	}

	private void expect(org.springframework.test.web.servlet.RequestBuilder request, ResultMatcher matcher)
			throws Exception {
		mvc.perform(request).andExpect(matcher);
	}

	private long userId(String email) {
		return fixtures.userId(email);
	}

}
