package io.ledgerline.invoices;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.ledgerline.tagcache.Weighable;

/**
 * One keyset page of the list; {@code nextCursor} is null on the last page. {@code asOf}
 * is the day it was read for: the day its rows' overdue marks (and the overdue view's
 * rows) are judged on.
 */
public record InvoicePage(List<Invoice> rows, String nextCursor, @JsonIgnore LocalDate asOf) implements Weighable {

	/**
	 * A row with its strings, amount and instants: about 400 bytes in a heap histogram;
	 * rounded up.
	 */
	static final int ROW_BYTES = 600;

	@Override
	public int estimatedBytes() {
		return 64 + this.rows.size() * ROW_BYTES;
	}

}
