package io.ledgerline.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

import io.ledgerline.web.SecureRandoms;

/**
 * Spring Security's masked (BREACH-safe) CSRF tokens, read strictly: a token that does
 * not decode is simply a wrong token (403, not the 500 of the exception it throws), and a
 * token in the query string is refused, because URLs end up in logs, history and Referer
 * headers.
 */
final class StrictCsrfTokenHandler implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

	StrictCsrfTokenHandler() {
		// Its default NativePRNG serializes every request on one process-wide lock.
		this.delegate.setSecureRandom(SecureRandoms.drbg());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		delegate.handle(request, response, csrfToken);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		if (inQueryString(request.getQueryString(), csrfToken.getParameterName())) {
			return null;
		}
		try {
			return delegate.resolveCsrfTokenValue(request, csrfToken);
		}
		catch (IllegalArgumentException tampered) {
			return null;
		}
	}

	static boolean inQueryString(String query, String name) {
		if (query == null || query.isEmpty()) {
			return false;
		}
		for (String pair : query.split("&")) {
			String key = pair.split("=", 2)[0];
			try {
				if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
					return true;
				}
			}
			catch (IllegalArgumentException undecodable) {
				// A query the container could not decode is refused before this point.
				return true;
			}
		}
		return false;
	}

}
