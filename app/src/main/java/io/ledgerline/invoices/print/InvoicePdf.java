package io.ledgerline.invoices.print;

import io.ledgerline.tagcache.Weighable;

/**
 * A rendered invoice PDF and the load of the record it was rendered from: an entry is
 * served only while the record read it shows is still the current one.
 */
record InvoicePdf(byte[] bytes, long recordLoad) implements Weighable {

	boolean renderedFrom(long load) {
		return this.recordLoad == load;
	}

	/** The bytes themselves dominate: a PDF weighs what it holds. */
	@Override
	public int estimatedBytes() {
		return this.bytes.length + 64;
	}

}
