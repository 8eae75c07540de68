package io.ledgerline.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether a request should be answered with the JSON envelope rather than a page: the one
 * rule for handlers, errors and the security chain alike. JSON goes to whoever asks for
 * it by name: every path under {@code /api/}, and any request whose {@code Accept} lists
 * a JSON type ({@code application/json} or {@code …+json}) and no HTML type. A client
 * that sends no {@code Accept}, or only {@code *}{@code /*} (curl, a bare fetch), gets
 * what a browser gets: the page, or the sign-in redirect.
 */
public final class JsonRequests {

	private JsonRequests() {
	}

	public static boolean wantsJson(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return true;
		}
		String accept = request.getHeader("Accept");
		if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("json")) {
			return false;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException unreadable) {
			return false;
		}
		// A type listed with q=0 is one the client refuses, not one it asks for.
		List<MediaType> wanted = accepted.stream().filter(type -> type.getQualityValue() > 0).toList();
		return wanted.stream().anyMatch(JsonRequests::isJson) && wanted.stream().noneMatch(JsonRequests::isHtml);
	}

	private static boolean isJson(MediaType type) {
		return "application".equals(type.getType())
				&& ("json".equals(type.getSubtype()) || "json".equals(type.getSubtypeSuffix()));
	}

	private static boolean isHtml(MediaType type) {
		return type.equalsTypeAndSubtype(MediaType.TEXT_HTML)
				|| type.equalsTypeAndSubtype(MediaType.APPLICATION_XHTML_XML);
	}

}
