package io.ledgerline.invoices;

import io.ledgerline.web.ConflictException;

/** A write's precondition failed; carries the server's current row. */
public class InvoiceConflictException extends ConflictException {

	public static final String CHANGED_ELSEWHERE = "This invoice changed elsewhere — refresh to retry.";

	private final transient Invoice currentInvoice;

	InvoiceConflictException(String message, Invoice current) {
		super(message, current);
		this.currentInvoice = current;
	}

	/** The row was soft-deleted: it keeps its data but takes no more writes. */
	public static InvoiceConflictException deleted(Invoice current) {
		return new InvoiceConflictException(current.number() + " was deleted.", current);
	}

	public Invoice currentInvoice() {
		return currentInvoice;
	}

}
