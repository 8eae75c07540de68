package io.ledgerline.invoices;

import java.util.List;

import io.ledgerline.tagcache.Weighable;

public record InvoiceDetail(Invoice invoice, List<InvoiceLine> lines) implements Weighable {

	@Override
	public int estimatedBytes() {
		return 64 + InvoicePage.ROW_BYTES + this.lines.size() * 300;
	}

}
