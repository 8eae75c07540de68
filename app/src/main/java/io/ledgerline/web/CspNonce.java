package io.ledgerline.web;

/**
 * The name this response's Content-Security-Policy nonce goes by: the request attribute
 * the policy filter sets and the variable templates read ({@code ${cspNonce}}), shared
 * pages included (a hole in {@code web.page}).
 */
public final class CspNonce {

	public static final String ATTRIBUTE = "cspNonce";

	private CspNonce() {
	}

}
