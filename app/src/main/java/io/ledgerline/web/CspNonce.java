package io.ledgerline.web;

/**
 * The name this response's Content-Security-Policy nonce goes by: the request attribute
 * the policy filter sets and the variable templates read ({@code ${cspNonce}}),
 * prerendered pages included ({@link Hole#CSP_NONCE}).
 */
public final class CspNonce {

	public static final String ATTRIBUTE = "cspNonce";

	private CspNonce() {
	}

}
