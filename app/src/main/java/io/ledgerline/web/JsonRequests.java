package io.ledgerline.web;

import jakarta.servlet.http.HttpServletRequest;

/** Whether a request should be answered with the JSON envelope rather than a page. */
public final class JsonRequests {

	private JsonRequests() {
	}

	public static boolean wantsJson(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return true;
		}
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("application/json") && !accept.contains("text/html");
	}

}
