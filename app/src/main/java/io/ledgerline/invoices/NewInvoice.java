package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A new invoice, validated; its total is the sum of its rounded line amounts. */
public record NewInvoice(String customerName, LocalDate issuedOn, LocalDate dueOn, InvoiceStatus status,
		List<NewInvoiceLine> lines) {

	public NewInvoice {
		lines = List.copyOf(lines);
	}

	public BigDecimal total() {
		return NewInvoiceLine.sum(lines);
	}

}
