package io.ledgerline.invoices;

import java.math.BigDecimal;

/** The editable fields of an invoice, already validated. */
public record InvoiceChanges(String customerName, InvoiceStatus status, BigDecimal total) {
}
