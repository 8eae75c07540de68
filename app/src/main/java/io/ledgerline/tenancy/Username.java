package io.ledgerline.tenancy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

import io.ledgerline.web.BadRequestException;

/**
 * What a person typed to name their account (an email address), in the one normal form
 * that sign-in, the sign-in throttle, the user lookup and the inspector's identity switch
 * all use, so that every spelling that reaches an account also counts against that
 * account.
 *
 * <p>
 * The normal form is NFKC (full-width and other compatibility forms become their plain
 * letters: {@code ｐｒｉｙａ@acme.test} is {@code priya@acme.test}), then whitespace stripped
 * from both ends, then lower case. Control characters (C0, DEL, C1) and invisible format
 * characters (zero-width spaces, direction marks) are refused, not removed: no address
 * contains one, and a person who sent one is better told so than signed in under
 * characters they cannot see. Look-alikes from other scripts (a Cyrillic {@code р}) are
 * not folded: they name a different address, which has no account here.
 */
public record Username(String value) {

	/** The longest address SMTP can carry (RFC 5321). */
	public static final int MAX_LENGTH = 254;

	private static final String TOO_LONG = "An email address has at most " + MAX_LENGTH + " characters.";

	/**
	 * @param value as typed; kept in the normal form
	 * @throws InvalidUsernameException (a 400) when no account could be named so
	 */
	public Username {
		String refusal = refusalOf(value);
		if (refusal != null) {
			throw new InvalidUsernameException(refusal);
		}
		value = normalForm(value);
	}

	/** The username, or empty when {@code typed} cannot name an account. */
	public static Optional<Username> parse(String typed) {
		return refusalOf(typed) == null ? Optional.of(new Username(typed)) : Optional.empty();
	}

	/**
	 * Why {@code typed} cannot name an account, in words for the person who typed it;
	 * empty when it can.
	 */
	public static Optional<String> refusal(String typed) {
		return Optional.ofNullable(refusalOf(typed));
	}

	private static String refusalOf(String typed) {
		if (typed == null) {
			return "Enter your email address.";
		}
		// Bounds the work below for a hostile megabyte; no address typed by a person is
		// anywhere near this long, surrounding spaces included.
		if (typed.length() > 4 * MAX_LENGTH) {
			return TOO_LONG;
		}
		if (typed.codePoints().anyMatch(Username::isControlOrInvisible)) {
			return "An email address cannot contain control characters or invisible formatting characters.";
		}
		String normal = normalForm(typed);
		if (normal.isEmpty()) {
			return "Enter your email address.";
		}
		if (normal.length() > MAX_LENGTH) {
			return TOO_LONG;
		}
		return null;
	}

	private static String normalForm(String typed) {
		return Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
	}

	private static boolean isControlOrInvisible(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.CONTROL || type == Character.FORMAT;
	}

	@Override
	public String toString() {
		return value;
	}

	/**
	 * The typed text cannot name an account: a bad request, whose message says why in
	 * words for the person.
	 */
	public static final class InvalidUsernameException extends BadRequestException {

		private static final long serialVersionUID = 1L;

		InvalidUsernameException(String message) {
			super(message);
		}

	}

}
