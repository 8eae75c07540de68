package io.ledgerline.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The causal token: a small cookie carrying the journal position of the user's last
 * write, {@code position.signature} (HMAC-SHA256 with the cluster's secret, so a client
 * cannot make an instance read the journal for nothing). It holds no user data.
 */
class CausalTokens {

	static final String COOKIE = "ll_causal";

	private final SecretKeySpec key;

	CausalTokens(String secret) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	String sign(long position) {
		return position + "." + signature(position);
	}

	/** The position in a valid token; empty for a missing, malformed or forged one. */
	OptionalLong verify(String token) {
		if (token == null) {
			return OptionalLong.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot > 19) {
			return OptionalLong.empty();
		}
		long position;
		try {
			position = Long.parseLong(token.substring(0, dot));
		}
		catch (NumberFormatException e) {
			return OptionalLong.empty();
		}
		byte[] expected = signature(position).getBytes(StandardCharsets.US_ASCII);
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? OptionalLong.of(position) : OptionalLong.empty();
	}

	/** The token the request carries, unverified; null if none. */
	String read(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	void write(HttpServletResponse response, long position) {
		Cookie cookie = new Cookie(COOKIE, sign(position));
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	void clear(HttpServletResponse response) {
		Cookie cookie = new Cookie(COOKIE, "");
		cookie.setPath("/");
		cookie.setMaxAge(0);
		response.addCookie(cookie);
	}

	private String signature(long position) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] digest = mac.doFinal(Long.toString(position).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	}

}
