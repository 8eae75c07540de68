package io.ledgerline.web;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How every form reads an amount a person typed: the way {@link Money} prints it reads
 * back ({@code 1,234.50}), and so does the plain decimal ({@code 1234.50}). Commas are
 * accepted only as thousands separators in their places ({@code 1,23.4} is a typo, not
 * 123.4), digits are ASCII only, and a leading minus is kept for the caller to refuse or
 * allow. Range and decimal places are the caller's rules, with their own messages.
 */
public final class MoneyInput {

	private static final Pattern AMOUNT = Pattern.compile("-?(\\d{1,20}|\\d{1,3}(,\\d{3}){1,6})(\\.\\d{1,20})?");

	private MoneyInput() {
	}

	/** The amount {@code text} spells, or empty when it is not a number of this form. */
	public static Optional<BigDecimal> parse(String text) {
		String stripped = text == null ? "" : text.strip();
		if (!AMOUNT.matcher(stripped).matches()) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(stripped.replace(",", "")));
	}

}
