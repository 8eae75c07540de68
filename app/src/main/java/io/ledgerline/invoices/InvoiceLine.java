package io.ledgerline.invoices;

import java.math.BigDecimal;

public record InvoiceLine(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice,
		BigDecimal amount) {
}
