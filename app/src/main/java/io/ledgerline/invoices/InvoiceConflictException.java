package io.ledgerline.invoices;

import io.ledgerline.web.ConflictException;

/** A write's precondition failed; carries the server's current row. */
public class InvoiceConflictException extends ConflictException {

	/**
	 * A list action (archive, restore, delete) met a newer version. The answer is a
	 * POST's, so "refresh" would re-submit it: the way forward is the fresh row the list
	 * now shows.
	 */
	public static final String CHANGED_ELSEWHERE = "This invoice changed elsewhere — the list now shows its latest version; review it and try again.";

	/** An edit met a newer version: the page shows the saved values beside the user's. */
	public static final String EDIT_CHANGED_ELSEWHERE = "This invoice changed elsewhere — compare the saved values with yours, then choose Use latest to start again from them.";

	private final transient Invoice currentInvoice;

	public InvoiceConflictException(String message, Invoice current) {
		super(message, current);
		this.currentInvoice = current;
	}

	/**
	 * The row was soft-deleted: it keeps its data but takes no more writes (an edit, an
	 * archive or a restore all get this one message).
	 */
	public static InvoiceConflictException deleted(Invoice current) {
		return new InvoiceConflictException(current.number() + " was deleted and can no longer be changed.", current);
	}

	public Invoice currentInvoice() {
		return currentInvoice;
	}

}
