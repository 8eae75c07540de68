package io.ledgerline.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.mvc.condition.RequestCondition;

/**
 * Matches only the requests {@link JsonRequests#wantsJson} answers with JSON. Spring's
 * own {@code produces} matching would also send {@code Accept: *}{@code /*} (curl, a bare
 * fetch) to the JSON handler; this keeps the app's one rule: a page unless JSON is asked
 * for and HTML is not.
 */
final class JsonRequestCondition implements RequestCondition<JsonRequestCondition> {

	static final JsonRequestCondition INSTANCE = new JsonRequestCondition();

	private JsonRequestCondition() {
	}

	@Override
	public JsonRequestCondition combine(JsonRequestCondition other) {
		return this;
	}

	@Override
	public JsonRequestCondition getMatchingCondition(HttpServletRequest request) {
		return JsonRequests.wantsJson(request) ? this : null;
	}

	@Override
	public int compareTo(JsonRequestCondition other, HttpServletRequest request) {
		return 0;
	}

}
