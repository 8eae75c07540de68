package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A new invoice, validated; its total is the sum of its rounded line amounts. */
public record NewInvoice(String customerName, LocalDate issuedOn, InvoiceStatus status, List<NewInvoiceLine> lines) {

	public NewInvoice {
		lines = List.copyOf(lines);
	}

	public BigDecimal total() {
		return lines.stream().map(NewInvoiceLine::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
	}

}
