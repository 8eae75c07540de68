package io.ledgerline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.ledgerline.tenancy.Username.InvalidUsernameException;
import io.ledgerline.web.BadRequestException;

/**
 * The one normal form of a typed username: NFKC, stripped, lower case; control and
 * invisible format characters refused.
 */
class UsernameTests {

	private static final String PRIYA = "priya@acme.test";

	@ParameterizedTest
	@ValueSource(strings = { "priya@acme.test", "PRIYA@ACME.TEST", "Priya@Acme.Test", " priya@acme.test",
			"priya@acme.test ", "  priya@acme.test  ",
			// no-break, ideographic and em spaces around it: spaces once NFKC has run
			"\u00a0priya@acme.test\u00a0", "\u3000priya@acme.test\u3000", "\u2003priya@acme.test",
			// full-width letters and at sign (compatibility forms)
			"\uff50\uff52\uff49\uff59\uff41\uff20\uff41\uff43\uff4d\uff45\uff0e\uff54\uff45\uff53\uff54",
			"\uff30\uff32\uff29\uff39\uff21@acme.test" })
	void everySpellingOfTheSameAddressHasTheSameNormalForm(String typed) {
		Username name = new Username(typed);
		assertThat(name.value()).isEqualTo(PRIYA);
		assertThat(name).isEqualTo(new Username(PRIYA));
		assertThat(Username.parse(typed)).contains(name);
		assertThat(Username.refusal(typed)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "priya@acme.test\u0000", "\u0000priya@acme.test", "pri\u0000ya@acme.test",
			"priya@acme.test\u0001", "priya@acme.test\u001f", "priya@acme.test\t", "priya@acme.test\n",
			"priya@acme.test\r\n", "priya@acme.test\u007f", "priya@acme.test\u0085", "priya@acme.test\u009f",
			// invisible format characters: zero-width space and joiner, BOM,
			// direction marks
			"priya@acme.test\u200b", "pri\u200dya@acme.test", "\ufeffpriya@acme.test", "priya@acme.test\u200e",
			"\u202epriya@acme.test" })
	void controlAndInvisibleCharactersAreRefusedNotRemoved(String typed) {
		assertThatThrownBy(() -> new Username(typed)).isInstanceOf(InvalidUsernameException.class)
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("control characters");
		assertThat(Username.parse(typed)).isEmpty();
		assertThat(Username.refusal(typed)).hasValueSatisfying(why -> assertThat(why).contains("control characters"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\u3000\u00a0" })
	void nothingTypedIsRefused(String typed) {
		assertThat(Username.refusal(typed)).contains("Enter your email address.");
		assertThat(Username.refusal(null)).contains("Enter your email address.");
		assertThatThrownBy(() -> new Username(null)).isInstanceOf(InvalidUsernameException.class);
	}

	@Test
	void anAddressLongerThanSmtpCarriesIsRefused() {
		String longest = "a".repeat(Username.MAX_LENGTH - "@acme.test".length()) + "@acme.test";
		assertThat(new Username(longest).value()).hasSize(Username.MAX_LENGTH);
		assertThat(Username.refusal("a" + longest)).hasValueSatisfying(why -> assertThat(why).contains("254"));
		assertThat(Username.refusal("a".repeat(2_000_000))).hasValueSatisfying(why -> assertThat(why).contains("254"));
	}

	@Test
	void lookAlikesFromOtherScriptsAreAnotherAddress() {
		// Cyrillic "р" (U+0440) and "а" (U+0430): not compatibility forms, so not folded.
		Username lookAlike = new Username("\u0440riy\u0430@acme.test");
		assertThat(lookAlike).isNotEqualTo(new Username(PRIYA));
		assertThat(lookAlike.value()).isEqualTo("\u0440riy\u0430@acme.test");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0130stanbul@acme.test", "\u212aelvin@acme.test", "\u2126hm@acme.test",
			"\ufb01le@acme.test", "\u00c5ngstr\u00f6m@acme.test", "A\u030angstrom@acme.test", "\u1e9e@acme.test" })
	void theNormalFormIsItsOwnNormalForm(String typed) {
		Username once = new Username(typed);
		assertThat(new Username(once.value())).isEqualTo(once);
		assertThat(once.toString()).isEqualTo(once.value());
	}

}
