package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as an edit leaves it, validated and resolved against the saved row: its
 * total is the sum of its lines, always.
 */
public record InvoiceChanges(String customerName, InvoiceStatus status, LocalDate issuedOn, LocalDate dueOn,
		List<NewInvoiceLine> lines) {

	public InvoiceChanges {
		lines = List.copyOf(lines);
	}

	public BigDecimal total() {
		return NewInvoiceLine.sum(lines);
	}

}
