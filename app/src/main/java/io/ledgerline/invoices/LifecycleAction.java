package io.ledgerline.invoices;

import java.util.Locale;

/**
 * Archive, restore and delete: the three moves between {@link Lifecycle}s. They differ
 * only in who may run them and how they move the org's active totals (and, in
 * {@link InvoiceRepository}, what they set and require), so one write runs all three.
 */
public enum LifecycleAction {

	ARCHIVE, RESTORE, DELETE;

	/** Delete is for admins; archive and restore for every member. */
	public boolean adminOnly() {
		return this == DELETE;
	}

	public String verb() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String auditAction() {
		return "invoice." + verb();
	}

	public String pastTense() {
		return verb() + (verb().endsWith("e") ? "d" : "ed");
	}

	/** +1 when the row becomes active, -1 when it stops being active, 0 otherwise. */
	public int activeDelta(Invoice before) {
		return switch (this) {
			case ARCHIVE -> -1;
			case RESTORE -> 1;
			case DELETE -> before.isActive() ? -1 : 0;
		};
	}

}
