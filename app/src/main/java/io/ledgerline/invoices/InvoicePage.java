package io.ledgerline.invoices;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.ledgerline.tagcache.Weighable;

/**
 * One keyset page of the list; {@code nextCursor} is null on the last page. Where the
 * page sits is worked out when it is loaded, with its rows: {@code rowsAbove} rows come
 * before it, {@code newer} says whether it is not the first page and {@code newerCursor}
 * starts the page before it (null when that is the first page), and {@code total} is the
 * view's size when it was cheap to know (else null). Those three serve the page the
 * person reads; the JSON keeps its published shape (rows and nextCursor). {@code asOf} is
 * the day it was read for: the day its rows' overdue marks (and the overdue view's rows)
 * are judged on.
 */
public record InvoicePage(List<Invoice> rows, String nextCursor, @JsonIgnore boolean newer,
		@JsonIgnore String newerCursor, @JsonIgnore long rowsAbove, @JsonIgnore Long total,
		@JsonIgnore LocalDate asOf) implements Weighable {

	/**
	 * A row with its strings, amount and instants: about 400 bytes in a heap histogram;
	 * rounded up.
	 */
	static final int ROW_BYTES = 600;

	/** A first page, read for {@code asOf}. */
	public InvoicePage(List<Invoice> rows, String nextCursor, LocalDate asOf) {
		this(rows, nextCursor, false, null, 0, null, asOf);
	}

	@Override
	public int estimatedBytes() {
		return 128 + this.rows.size() * ROW_BYTES;
	}

}
