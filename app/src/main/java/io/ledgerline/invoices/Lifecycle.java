package io.ledgerline.invoices;

/** Derived from archived_at / deleted_at: what the row may still undergo. */
public enum Lifecycle {

	ACTIVE, ARCHIVED, DELETED

}
