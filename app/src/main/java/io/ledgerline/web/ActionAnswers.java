package io.ledgerline.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * How a successful action answers: 303 See Other to where the user goes next, or, when
 * the request asked for JSON, the result object.
 */
public final class ActionAnswers {

	private ActionAnswers() {
	}

	public static Object done(HttpServletRequest request, String redirectTo, Object data) {
		if (JsonRequests.wantsJson(request)) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ApiResponse.ok(data));
		}
		return new ModelAndView("redirect:" + redirectTo);
	}

}
