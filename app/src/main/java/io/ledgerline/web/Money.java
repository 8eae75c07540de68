package io.ledgerline.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How every page prints money: grouped with two decimals for people ({@code 12,000.00}),
 * and the plain decimal for scripts ({@code 12000.00}, in {@code data-value}). Templates
 * reach it as {@code #money} (see {@link FormatsDialect}); one formatter, so the list,
 * the detail, the summary and the conflict banner cannot drift apart.
 */
public final class Money {

	/** The code printed beside totals; the demo data has one currency. */
	public static final String CURRENCY = "USD";

	private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);

	/** The one formatter, for what prints money outside a template (the invoice PDF). */
	public static final Money PEOPLE = new Money();

	private Money() {
	}

	/** {@code 12000} → {@code 12,000.00}; {@code null} → empty. */
	public String format(BigDecimal amount) {
		if (amount == null) {
			return "";
		}
		// DecimalFormat is not thread-safe, so one per call; it is cheap next to a
		// render.
		DecimalFormat grouped = new DecimalFormat("#,##0.00", SYMBOLS);
		return grouped.format(scaled(amount));
	}

	/** {@code 12000} → {@code 12000.00}; {@code null} → empty. */
	public String plain(BigDecimal amount) {
		return amount == null ? "" : scaled(amount).toPlainString();
	}

	public String currency() {
		return CURRENCY;
	}

	private static BigDecimal scaled(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_EVEN);
	}

}
