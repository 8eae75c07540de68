package io.ledgerline.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
 * Each test signs in from an address of its own, so the per-address count is its own. An
 * account is counted under every spelling the sign-in reads as that account (case,
 * spaces, full-width letters); a username with a control character names no account and
 * is a 400 before any password is checked.
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

	/**
	 * Spellings the sign-in reads as the same account: each of them counts against that
	 * account and is refused with it once it is locked.
	 */
	static List<String> sameAccountSpellings(String email) {
		return List.of(email.toUpperCase(Locale.ROOT), " " + email, email + "  ", "\u00a0" + email + "\u3000",
				fullWidth(email), fullWidth(email.toUpperCase(Locale.ROOT)));
	}

	/**
	 * Control characters (C0, DEL, C1) and invisible format characters around or inside
	 * an address: no account has one, so each is a 400, never a sign-in.
	 */
	static List<String> refusedSpellings(String email) {
		List<String> spellings = new ArrayList<>();
		for (String control : List.of("\u0000", "\u0001", "\t", "\n", "\r", "\u001b", "\u007f", "\u0085", "\u009f",
				"\u200b", "\ufeff", "\u202e")) {
			spellings.add(email + control);
			spellings.add(control + email);
		}
		spellings.add(email.replace("@", "\u0000@"));
		return spellings;
	}

	@Test
	void onceLockedNoOtherSpellingOfTheAccountSignsIn() throws Exception {
		TestOrg org = fixtures.org();
		RequestPostProcessor from = address();
		for (int i = 0; i < 5; i++) {
			mvc.perform(login(org.member(), "wrong", from)).andExpect(redirectedUrl("/login?error"));
		}
		for (String spelling : sameAccountSpellings(org.member())) {
			mvc.perform(login(spelling, Fixtures.PASSWORD, from))
				.andExpect(status().isSeeOther())
				.andExpect(redirectedUrl("/login?throttled"));
		}
		for (String spelling : refusedSpellings(org.member())) {
			assertRefusedWithoutSigningIn(spelling, from);
		}
		// The refusals checked no password and counted nothing: the lock ends on time.
		clock.advance(Duration.ofMinutes(16));
		mvc.perform(login(fullWidth(org.member()), Fixtures.PASSWORD, from)).andExpect(redirectedUrl("/invoices"));
	}

	@Test
	void wrongPasswordsUnderDifferentSpellingsAddUpForTheOneAccount() throws Exception {
		TestOrg org = fixtures.org();
		RequestPostProcessor from = address();
		List<String> spellings = sameAccountSpellings(org.member());
		for (int i = 0; i < 5; i++) {
			mvc.perform(login(spellings.get(i), "wrong", from)).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(login(org.member(), Fixtures.PASSWORD, from)).andExpect(redirectedUrl("/login?throttled"));
		mvc.perform(login(org.admin(), Fixtures.PASSWORD, from)).andExpect(redirectedUrl("/invoices"));
	}

	@Test
	void aControlCharacterInTheUsernameIsA400EvenWithTheRightPasswordAndNeverLocked() throws Exception {
		TestOrg org = fixtures.org();
		RequestPostProcessor from = address();
		for (String spelling : refusedSpellings(org.member())) {
			assertRefusedWithoutSigningIn(spelling, from);
		}
		mvc.perform(login(org.member(), Fixtures.PASSWORD, from)).andExpect(redirectedUrl("/invoices"));
		mvc.perform(login("", Fixtures.PASSWORD, from)).andExpect(status().isBadRequest());
	}

	private void assertRefusedWithoutSigningIn(String spelling, RequestPostProcessor from) throws Exception {
		String shown = spelling.codePoints()
			.mapToObj(c -> c < 0x20 || c >= 0x7f ? String.format("\\u%04x", c) : Character.toString(c))
			.reduce("", String::concat);
		MvcResult page = mvc.perform(login(spelling, Fixtures.PASSWORD, from)).andReturn();
		assertThat(page.getResponse().getStatus()).as(shown).isEqualTo(400);
		assertThat(page.getResponse().getRedirectedUrl()).as(shown).isNull();
		assertThat(new PageHtml(page.getResponse().getContentAsString()).text("login-refused")).as(shown)
			.contains("cannot contain control characters");
		assertThat(new PageHtml(page.getResponse().getContentAsString()).has("login-form")).as(shown).isTrue();
		mvc.perform(login(spelling, Fixtures.PASSWORD, from).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("bad_request"))
			.andExpect(jsonPath("$.error.message").value(org.hamcrest.Matchers.containsString("control characters")));
	}

	/** The full-width (compatibility) form of an ASCII address. */
	static String fullWidth(String ascii) {
		StringBuilder wide = new StringBuilder();
		ascii.codePoints().forEach(c -> wide.appendCodePoint(c > 0x20 && c < 0x7f ? c - 0x21 + 0xff01 : c));
		return wide.toString();
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
