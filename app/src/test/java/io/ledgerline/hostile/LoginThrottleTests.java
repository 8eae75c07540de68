package io.ledgerline.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * Failed sign-ins are throttled per account and per address: past the limit even the
 * right password is refused, with a message that says why, until the window has passed.
 * Each test signs in from an address of its own, so the per-address count is its own.
 */
@IntegrationTest
class LoginThrottleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ManualClock clock;

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
		TestOrg org = fixtures.org();
		RequestPostProcessor from = address();
		for (int i = 0; i < 5; i++) {
			mvc.perform(login(org.member(), "wrong", from)).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(login(org.member(), Fixtures.PASSWORD, from))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/login?throttled"));
		// Another address does not help: the count is the account's.
		mvc.perform(login(org.member(), Fixtures.PASSWORD, address())).andExpect(redirectedUrl("/login?throttled"));
		// Another account from the same address still signs in.
		mvc.perform(login(org.admin(), Fixtures.PASSWORD, from)).andExpect(redirectedUrl("/invoices"));

		String page = mvc.perform(get("/login?throttled").accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(new PageHtml(page).text("login-throttled")).contains("Too many failed sign-ins")
			.contains("15 minutes");

		clock.advance(Duration.ofMinutes(16));
		mvc.perform(login(org.member(), Fixtures.PASSWORD, from)).andExpect(redirectedUrl("/invoices"));
	}

	@Test
	void oneAddressTryingManyAccountsIsThrottled() throws Exception {
		RequestPostProcessor from = address();
		for (int i = 0; i < 30; i++) {
			mvc.perform(login("nobody-" + i + "@nowhere.test", "wrong", from)).andExpect(redirectedUrl("/login?error"));
		}
		TestOrg org = fixtures.org();
		mvc.perform(login(org.admin(), Fixtures.PASSWORD, from)).andExpect(redirectedUrl("/login?throttled"));
		mvc.perform(login(org.admin(), Fixtures.PASSWORD, from).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isTooManyRequests());
		mvc.perform(login(org.admin(), Fixtures.PASSWORD, address())).andExpect(redirectedUrl("/invoices"));
	}

	@Test
	void aRightPasswordBeforeTheLimitClearsTheAccountsCount() throws Exception {
		TestOrg org = fixtures.org();
		RequestPostProcessor from = address();
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 4; i++) {
				mvc.perform(login(org.member(), "wrong", from)).andExpect(redirectedUrl("/login?error"));
			}
			mvc.perform(login(org.member(), Fixtures.PASSWORD, from)).andExpect(redirectedUrl("/invoices"));
		}
	}

	private static MockHttpServletRequestBuilder login(String username, String password, RequestPostProcessor from) {
		return post("/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from)
			.accept(MediaType.TEXT_HTML);
	}

	private static RequestPostProcessor address() {
		String address = "10." + Math.abs(UUID.randomUUID().hashCode() % 250) + "." + (int) (Math.random() * 250) + "."
				+ (1 + (int) (Math.random() * 250));
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
