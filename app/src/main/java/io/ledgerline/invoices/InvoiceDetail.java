package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.ledgerline.tagcache.Weighable;

/**
 * One invoice with its lines, read for the day {@code asOf} (the day its overdue mark is
 * judged on).
 */
public record InvoiceDetail(Invoice invoice, List<InvoiceLine> lines, @JsonIgnore LocalDate asOf) implements Weighable {

	@JsonIgnore
	public boolean isOverdue() {
		return this.invoice.isOverdueOn(this.asOf);
	}

	@JsonIgnore
	public BigDecimal linesSum() {
		return NewInvoiceLine.total(this.lines.stream().map(InvoiceLine::amount));
	}

	@Override
	public int estimatedBytes() {
		return 64 + InvoicePage.ROW_BYTES + this.lines.size() * 300;
	}

}
