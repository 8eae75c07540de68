package io.ledgerline.web.page;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.ledgerline.web.SecureRandoms;

/**
 * Answers a request with HTML that has holes: the request's values
 * ({@link RequestValues}) filled in, and the page written as one array of bytes. Both
 * kinds of page end here, the shared ones ({@link PrerenderedPages}) and the ones
 * rendered per request ({@link FramedViews}).
 */
@Component
class PageAnswers {

	static final String CONTENT_TYPE = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

	private final PageUsers users;

	private final SharedTemplates templates;

	private final Clock clock;

	private final SecureRandom random = SecureRandoms.drbg();

	PageAnswers(PageUsers users, SharedTemplates templates, Clock clock) {
		this.users = users;
		this.templates = templates;
		this.clock = clock;
	}

	RequestValues valuesOf(HttpServletRequest request) {
		return new RequestValues(request, this.users, this.templates, this.random, this.clock.instant());
	}

	void write(SharedHtml html, RequestValues values, Map<String, Instant> given, HttpServletResponse response)
			throws IOException {
		byte[] body = html.fill(slot -> values.html(slot, given));
		response.setContentType(CONTENT_TYPE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
