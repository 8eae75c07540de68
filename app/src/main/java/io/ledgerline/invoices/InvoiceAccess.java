package io.ledgerline.invoices;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.NotFoundException;

/**
 * Who may see and change which invoice, in one place for the reads and the writes. An
 * invoice of another org never gets here (every statement is scoped by org); these are
 * the rules within one org.
 */
public final class InvoiceAccess {

	private InvoiceAccess() {
	}

	/** The "all" view includes soft-deleted rows: admins only. */
	public static void authorizeView(ActingUser actor, InvoiceView view) {
		if (view == InvoiceView.ALL) {
			actor.requireAdmin("see deleted invoices");
		}
	}

	/**
	 * Deleted invoices are visible to admins only; to members they do not exist.
	 * @return the invoice, when the actor may see it
	 */
	public static Invoice visible(ActingUser actor, Invoice invoice) {
		if (!canSee(actor, invoice)) {
			throw notFound(invoice.id());
		}
		return invoice;
	}

	static boolean canSee(ActingUser actor, Invoice invoice) {
		return invoice.lifecycle() != Lifecycle.DELETED || actor.isAdmin();
	}

	/** A deleted invoice keeps its row (for admins and the audit) but takes no edits. */
	public static Invoice editable(Invoice invoice) {
		if (invoice.lifecycle() == Lifecycle.DELETED) {
			throw InvoiceConflictException.deleted(invoice);
		}
		return invoice;
	}

	public static NotFoundException notFound(long id) {
		return new NotFoundException("Invoice " + id + " was not found.");
	}

}
