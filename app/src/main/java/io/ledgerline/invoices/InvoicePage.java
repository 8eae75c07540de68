package io.ledgerline.invoices;

import java.util.List;

import io.ledgerline.tagcache.Weighable;

/** One keyset page of the list; {@code nextCursor} is null on the last page. */
public record InvoicePage(List<Invoice> rows, String nextCursor) implements Weighable {

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
