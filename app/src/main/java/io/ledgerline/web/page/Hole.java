package io.ledgerline.web.page;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A per-request value that a shared page leaves open: the page is rendered once with the
 * hole's {@link #marker()} where the value goes, and {@link RequestValues} fills it in
 * for every request the page answers ({@link SharedHtml}). A few holes take an argument
 * written into the marker (the instant of {@link #AGO}, the name of a given time).
 */
enum Hole {

	/** This session's CSRF token, in the meta tag and in every form. */
	CSRF_TOKEN,

	/** The Content-Security-Policy nonce of this response, for an inline script. */
	CSP_NONCE,

	/** The server's clock now, so "fetched 3 s ago" is measured on the app's clock. */
	SERVER_NOW,

	/** The signed-in user's email, in the header. */
	USER_EMAIL,

	/** The header's organisation switcher: one option for each of the user's orgs. */
	ORG_OPTIONS,

	/** The toast a redirect left for this page, or nothing. */
	TOAST,

	/** A new random UUID for this answer, such as a form's idempotency key. */
	FRESH_ID,

	/**
	 * How long before now the instant in the argument (epoch millis) was: "3 min ago".
	 */
	AGO,

	/**
	 * A time the page's caller gives per request (the argument names it), as ISO-8601 for
	 * {@code datetime}.
	 */
	GIVEN_ISO,

	/** As {@link #GIVEN_ISO}, exact for a title. */
	GIVEN_EXACT,

	/** As {@link #GIVEN_ISO}, as people read it ("3 min ago"). */
	GIVEN_AGO;

	/** Between the hole's name and its argument; no name holds two dashes in a row. */
	static final String ARGUMENT = "--";

	private final String marker = Markers.PREFIX + name().replace('_', '-') + Markers.SUFFIX;

	/** What a shared template writes where this hole's value goes. */
	String marker() {
		return this.marker;
	}

	/**
	 * The marker of this hole with {@code argument}: letters and digits only, so it
	 * survives HTML escaping and cannot end the marker early.
	 */
	String marker(String argument) {
		if (!argument.matches("[A-Za-z0-9]+")) {
			throw new IllegalArgumentException("Not a hole argument: " + argument);
		}
		return Markers.PREFIX + name().replace('_', '-') + ARGUMENT + argument + Markers.SUFFIX;
	}

	/**
	 * The markers' frame. The prefix holds a secret per process, so no text a user stores
	 * (a customer's name, a comment) can pose as a marker and be filled in. Letters,
	 * digits and dashes only: HTML escaping leaves a marker as it is, in text and in
	 * attributes. (A holder class: an enum's own statics are not ready while its
	 * constants are built.)
	 */
	static final class Markers {

		static final String PREFIX = "ll-hole-" + secret() + "-";

		static final String SUFFIX = "-end";

		private Markers() {
		}

		private static String secret() {
			byte[] bytes = new byte[16];
			new SecureRandom().nextBytes(bytes);
			return HexFormat.of().formatHex(bytes);
		}

	}

}
