package io.ledgerline.web;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers from a request (path variables, parameters, form fields) in ASCII digits
 * only: {@code Long.parseLong} alone also reads full-width ("１") and other Unicode
 * digits, so one id or version could be spelled many ways. A custom editor wins over the
 * conversion service for every controller; a refusal is the usual type mismatch (400).
 */
@ControllerAdvice
public final class AsciiNumbers {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,19}");

	/**
	 * Whether {@code text} is a whole number in ASCII digits (an optional leading minus,
	 * no plus, no spaces): the rule for every number a request carries, also where a
	 * handler reads one itself rather than through binding.
	 */
	public static boolean isWholeNumber(String text) {
		return text != null && WHOLE_NUMBER.matcher(text).matches();
	}

	@InitBinder
	void strictNumbers(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new Editor(false, Long::valueOf));
		binder.registerCustomEditor(Long.class, new Editor(true, Long::valueOf));
		binder.registerCustomEditor(int.class, new Editor(false, Integer::valueOf));
		binder.registerCustomEditor(Integer.class, new Editor(true, Integer::valueOf));
	}

	private static final class Editor extends PropertyEditorSupport {

		private final boolean nullable;

		private final java.util.function.Function<String, Number> parse;

		Editor(boolean nullable, java.util.function.Function<String, Number> parse) {
			this.nullable = nullable;
			this.parse = parse;
		}

		@Override
		public void setAsText(String text) {
			String trimmed = text == null ? "" : text.trim();
			if (trimmed.isEmpty() && nullable) {
				setValue(null);
				return;
			}
			if (!isWholeNumber(trimmed)) {
				throw new IllegalArgumentException("not a whole number in ASCII digits");
			}
			setValue(parse.apply(trimmed));
		}

	}

}
