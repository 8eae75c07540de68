package io.ledgerline.web;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A per-request value that a prerendered page leaves open: the page is rendered once with
 * each hole's {@link #marker()} where the value goes, cached, and the holes are filled in
 * for every request that is answered with it ({@link PrerenderedPage}).
 */
public enum Hole {

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

	/** A new random UUID for this render, such as a form's idempotency key. */
	FRESH_ID,

	/**
	 * When the org's list was loaded, on a page that shows it in its fetched-at strip but
	 * is not built from it (the detail page): given by the page's caller per request.
	 */
	LIST_FETCHED_AT,

	/** As {@link #LIST_FETCHED_AT}, for the org's summary. */
	SUMMARY_FETCHED_AT;

	private final String marker = Markers.PREFIX + name().replace('_', '-') + Markers.SUFFIX;

	/** What a prerendering template writes where this hole's value goes. */
	public String marker() {
		return this.marker;
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
