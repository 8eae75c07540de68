package io.ledgerline.invoices.write;

import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceAccess;
import io.ledgerline.invoices.InvoiceRepository;
import io.ledgerline.tenancy.ActingUser;

/** The lookups every invoice write starts and ends with. */
final class WriteLookups {

	private WriteLookups() {
	}

	/**
	 * The row, locked, with the read path's visibility rule: what a reader may not see
	 * (another org's row, a deleted one for a member) does not exist for a writer either,
	 * so no refusal (a conflict carries the row) can show it.
	 */
	static Invoice lockVisible(InvoiceRepository invoices, ActingUser actor, long id) {
		Invoice invoice = invoices.lock(actor.orgId(), id).orElseThrow(() -> InvoiceAccess.notFound(id));
		return InvoiceAccess.visible(actor, invoice);
	}

	/** The row as the write left it (version and timestamps included). */
	static Invoice reload(InvoiceRepository invoices, ActingUser actor, long id) {
		return invoices.find(actor.orgId(), id).orElseThrow(() -> InvoiceAccess.notFound(id));
	}

}
