package io.ledgerline.config;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.ledgerline.web.CspNonce;
import io.ledgerline.web.SecureRandoms;

/**
 * A Content-Security-Policy on every answer: scripts, styles and everything else only
 * from this origin, no inline script or style, no plugins, no framing, forms only to this
 * origin. A page that really needs an inline script (an import map, say) marks it with
 * the per-request nonce in the request attribute {@value CspNonce#ATTRIBUTE}
 * ({@code th:attr="nonce=${cspNonce}"}); never inside a cached fragment.
 */
public final class ContentSecurityPolicyFilter extends OncePerRequestFilter {

	private final SecureRandom random = SecureRandoms.drbg();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		request.setAttribute(CspNonce.ATTRIBUTE, nonce);
		response.setHeader("Content-Security-Policy", policy(nonce));
		chain.doFilter(request, response);
	}

	static String policy(String nonce) {
		return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self'; img-src 'self' data:; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
