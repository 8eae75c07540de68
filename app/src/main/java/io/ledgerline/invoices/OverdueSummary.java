package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How many of an org's active invoices are overdue on {@code asOf}, and their sum.
 * Counted when read, never kept as a running figure: it changes at midnight without a
 * write.
 */
public record OverdueSummary(LocalDate asOf, long count, BigDecimal total) {
}
