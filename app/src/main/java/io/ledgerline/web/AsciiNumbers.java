package io.ledgerline.web;

import org.springframework.core.convert.converter.Converter;

/**
 * Whole numbers from a request (path variables, parameters) in ASCII digits only:
 * {@code Long.parseLong} alone also reads full-width ("１") and other Unicode digits, so
 * one id or version could be spelled many ways.
 */
final class AsciiNumbers {

	private AsciiNumbers() {
	}

	static final Converter<String, Long> LONG = text -> text.isBlank() ? null : Long.parseLong(checked(text));

	static final Converter<String, Integer> INTEGER = text -> text.isBlank() ? null : Integer.parseInt(checked(text));

	private static String checked(String text) {
		String trimmed = text.trim();
		if (!trimmed.matches("-?[0-9]{1,19}")) {
			throw new IllegalArgumentException("not a whole number in ASCII digits");
		}
		return trimmed;
	}

}
