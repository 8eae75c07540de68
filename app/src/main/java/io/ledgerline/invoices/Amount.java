package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount of money (or a quantity) a person typed into an invoice form, checked against
 * the rule of its {@link Kind}: a number at scale 2, with the sign and the maximum the
 * kind allows.
 *
 * <p>
 * Every amount is read by one parser, {@link #read}: the way {@code web.Money} prints
 * money reads back ({@code 1,234.50}), and so does the plain decimal ({@code 1234.50}).
 * Commas count only as thousands separators in their places ({@code 1,23.4} is a typo,
 * not 123.4), and digits are ASCII only.
 *
 * @param value the amount at scale 2
 * @param kind the rule it was checked against
 * @throws InvalidValueException when {@code value} breaks the kind's rule
 */
public record Amount(BigDecimal value, Kind kind) {

	/** The largest amount {@code NUMERIC(12,2)} holds: ten digits before the point. */
	public static final BigDecimal MAX = new BigDecimal("9999999999.99");

	private static final Pattern TYPED = Pattern.compile("-?(\\d{1,20}|\\d{1,3}(,\\d{3}){1,6})(\\.\\d{1,20})?");

	/** What an amount is for: its name in messages, its sign and its maximum. */
	public enum Kind {

		QUANTITY("Quantity", Sign.POSITIVE, new BigDecimal("1000000")),

		UNIT_PRICE("Unit price", Sign.POSITIVE, new BigDecimal("1000000000")),

		/**
		 * The unit price of an edit's Adjustment line: the booked difference, either way.
		 */
		ADJUSTMENT("Unit price", Sign.NOT_ZERO, MAX),

		/** A total typed into the edit form. */
		TOTAL("Total", Sign.NOT_NEGATIVE, MAX);

		private final String label;

		private final Sign sign;

		private final BigDecimal max;

		Kind(String label, Sign sign, BigDecimal max) {
			this.label = label;
			this.sign = sign;
			this.max = max;
		}

		public BigDecimal max() {
			return max;
		}

	}

	private enum Sign {

		POSITIVE, NOT_ZERO, NOT_NEGATIVE

	}

	public Amount {
		String label = kind.label;
		if (value.signum() < 0 && kind.sign == Sign.POSITIVE) {
			throw new InvalidValueException(label + " must be a positive number like 1,234.50.");
		}
		if (value.signum() < 0 && kind.sign == Sign.NOT_NEGATIVE) {
			throw new InvalidValueException(label + " cannot be negative.");
		}
		if (value.signum() == 0 && kind.sign != Sign.NOT_NEGATIVE) {
			throw new InvalidValueException(
					label + " must be " + (kind.sign == Sign.NOT_ZERO ? "other than" : "more than") + " zero.");
		}
		if (value.stripTrailingZeros().scale() > 2) {
			throw new InvalidValueException(label + " can have at most two decimal places.");
		}
		if (value.abs().compareTo(kind.max) > 0) {
			throw new InvalidValueException(label + " must be at most " + kind.max.toPlainString() + ".");
		}
		value = value.setScale(2);
	}

	/**
	 * The amount {@code typed} spells, checked as a {@code kind}.
	 * @throws InvalidValueException when it is blank, not a number or breaks the rule
	 */
	public static Amount parse(String typed, Kind kind) {
		if (typed == null || typed.isBlank()) {
			throw new InvalidValueException(kind.label + " is required.");
		}
		BigDecimal number = read(typed).orElseThrow(() -> new InvalidValueException(kind.label + " must be a "
				+ (kind.sign == Sign.POSITIVE ? "positive " : "") + "number like 1,234.50."));
		return new Amount(number, kind);
	}

	/**
	 * The number {@code typed} spells, any sign and any decimal places, or empty when it
	 * is not a number of this form: for comparing what was typed with what is saved.
	 */
	public static Optional<BigDecimal> read(String typed) {
		String stripped = typed == null ? "" : typed.strip();
		if (!TYPED.matcher(stripped).matches()) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(stripped.replace(",", "")));
	}

	/**
	 * The sum of an invoice's lines as its total.
	 * @throws InvalidValueException when the lines add up to more than {@link #MAX}
	 */
	public static BigDecimal total(BigDecimal linesSum) {
		if (linesSum.compareTo(MAX) > 0) {
			throw new InvalidValueException("The lines add up to " + linesSum.toPlainString()
					+ "; an invoice total must be at most " + MAX.toPlainString() + ".");
		}
		return linesSum;
	}

}
