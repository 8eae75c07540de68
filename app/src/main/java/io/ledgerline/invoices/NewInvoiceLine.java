package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Stream;

/**
 * One validated line of an invoice (quantity and unit price at scale 2; both positive,
 * except an edit's Adjustment line, whose unit price may be negative).
 */
public record NewInvoiceLine(String description, BigDecimal quantity, BigDecimal unitPrice) {

	/**
	 * Quantity × unit price, rounded half-even to cents: the one rounding rule of an
	 * invoice line (docs/INVOICES.md). Half-even, so a run of half-cent products does not
	 * drift upwards in the total the way half-up would.
	 */
	public BigDecimal amount() {
		return amount(quantity, unitPrice);
	}

	/** A line's amount, for any line: {@link #amount()}'s rule. */
	public static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice) {
		return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_EVEN);
	}

	/** The exact sum of the lines' amounts: an invoice's total. */
	public static BigDecimal sum(List<NewInvoiceLine> lines) {
		return total(lines.stream().map(NewInvoiceLine::amount));
	}

	/**
	 * The exact sum of line amounts, at scale 2 (0.00 for none): the one place an
	 * invoice's lines are added up, new or saved.
	 */
	public static BigDecimal total(Stream<BigDecimal> amounts) {
		return amounts.reduce(new BigDecimal("0.00"), BigDecimal::add);
	}

	/** A saved line, to be written again (an edit that keeps it). */
	static NewInvoiceLine of(InvoiceLine line) {
		return new NewInvoiceLine(line.description(), line.quantity(), line.unitPrice());
	}

}
