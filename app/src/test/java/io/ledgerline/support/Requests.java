package io.ledgerline.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Request builders for acting as a user through the real security filter chain. */
public final class Requests {

	private Requests() {
	}

	public static MockHttpServletRequestBuilder page(String email, String url) {
		return get(url).with(user(email)).accept(MediaType.TEXT_HTML);
	}

	public static MockHttpServletRequestBuilder json(String email, String url) {
		return get(url).with(user(email)).accept(MediaType.APPLICATION_JSON);
	}

	/** A form post with a valid CSRF token, answered as a browser would get it. */
	public static MockHttpServletRequestBuilder form(String email, String url) {
		return post(url).with(user(email))
			.with(csrf())
			.accept(MediaType.TEXT_HTML)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
	}

	/** A form post asking for the JSON result object. */
	public static MockHttpServletRequestBuilder formJson(String email, String url) {
		return post(url).with(user(email))
			.with(csrf())
			.accept(MediaType.APPLICATION_JSON)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
	}

}
