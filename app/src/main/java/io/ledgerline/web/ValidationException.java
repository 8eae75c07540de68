package io.ledgerline.web;

import java.util.Map;

/** Well-formed request whose values break the rules; messages keyed by field. */
public class ValidationException extends RuntimeException {

	private final transient Map<String, String> fieldErrors;

	public ValidationException(Map<String, String> fieldErrors) {
		super(fieldErrors.entrySet()
			.stream()
			.map(e -> e.getKey() + ": " + e.getValue())
			.reduce((a, b) -> a + "; " + b)
			.orElse("Invalid input."));
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}

}
