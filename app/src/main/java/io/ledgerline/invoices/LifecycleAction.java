package io.ledgerline.invoices;

import java.util.Locale;

/**
 * Archive, restore and delete differ only in what they set, what state they require, who
 * may run them and how they move the org's active totals; one routine runs all three.
 */
enum LifecycleAction {

	ARCHIVE("archived_at = :now", "archived_at IS NULL", false),
	RESTORE("archived_at = NULL", "archived_at IS NOT NULL", false), DELETE("deleted_at = :now", "1 = 1", true);

	/** Fixed SQL fragments, never built from input. */
	final String assignment;

	final String requiredState;

	final boolean adminOnly;

	LifecycleAction(String assignment, String requiredState, boolean adminOnly) {
		this.assignment = assignment;
		this.requiredState = requiredState;
		this.adminOnly = adminOnly;
	}

	String verb() {
		return name().toLowerCase(Locale.ROOT);
	}

	String auditAction() {
		return "invoice." + verb();
	}

	String pastTense() {
		return verb() + (verb().endsWith("e") ? "d" : "ed");
	}

	/** +1 when the row becomes active, -1 when it stops being active, 0 otherwise. */
	int activeDelta(Invoice before) {
		return switch (this) {
			case ARCHIVE -> -1;
			case RESTORE -> 1;
			case DELETE -> before.isActive() ? -1 : 0;
		};
	}

}
