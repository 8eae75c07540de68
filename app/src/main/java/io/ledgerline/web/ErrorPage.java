package io.ledgerline.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** The error page (templates/error.html) for a status and a message safe to show. */
public final class ErrorPage {

	private ErrorPage() {
	}

	public static ModelAndView of(HttpStatus status, String message) {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("title", status.getReasonPhrase());
		page.addObject("message", message);
		return page;
	}

}
