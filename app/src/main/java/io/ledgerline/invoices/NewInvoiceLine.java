package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One validated line of a new invoice (quantity and unit price at scale 2, both
 * positive).
 */
public record NewInvoiceLine(String description, BigDecimal quantity, BigDecimal unitPrice) {

	/**
	 * Quantity × unit price, rounded half-even to cents: the one rounding rule of a new
	 * invoice (docs/INVOICES.md). Half-even, so a run of half-cent products does not
	 * drift upwards in the total the way half-up would.
	 */
	public BigDecimal amount() {
		return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_EVEN);
	}

}
