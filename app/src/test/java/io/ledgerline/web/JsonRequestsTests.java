package io.ledgerline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * JSON for whoever asks for it by name, a page for everyone else (no Accept and
 * {@code *}{@code /*} included).
 */
class JsonRequestsTests {

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "APPLICATION/JSON", "application/json;charset=UTF-8",
			"application/problem+json", "application/json, */*;q=0.1", "text/plain;q=0.5, application/json" })
	void aRequestThatNamesJsonAndNotHtmlGetsJson(String accept) {
		assertThat(JsonRequests.wantsJson(request("/invoices", accept))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "text/html", "application/json, text/html", "text/html;q=0.9, application/json",
			"application/xhtml+xml, application/json", "application/json;q=0", "application/json;q=0, */*",
			"application/jsonp", "text/json", ",,,,", "application/json;q=x", ";;;" })
	void anyOtherRequestGetsThePage(String accept) {
		assertThat(JsonRequests.wantsJson(request("/invoices", accept))).isFalse();
	}

	@Test
	void noAcceptHeaderGetsThePage() {
		assertThat(JsonRequests.wantsJson(request("/invoices", null))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "text/html", "" })
	void everyApiPathIsJson(String accept) {
		assertThat(JsonRequests.wantsJson(request("/api/invoices/1/comments", accept))).isTrue();
		assertThat(JsonRequests.wantsJson(request("/api/invoices/1/comments", null))).isTrue();
	}

	private static MockHttpServletRequest request(String uri, String accept) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		return request;
	}

}
