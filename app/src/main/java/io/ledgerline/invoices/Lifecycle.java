package io.ledgerline.invoices;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Derived from archived_at / deleted_at: what the row may still undergo. */
public enum Lifecycle {

	ACTIVE, ARCHIVED, DELETED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
