package io.ledgerline.invoices;

import java.util.Arrays;
import java.util.Locale;

import io.ledgerline.web.BadRequestException;

/** The list's tabs. {@code ALL} includes soft-deleted rows and is for admins only. */
public enum InvoiceView {

	ACTIVE("archived_at IS NULL AND deleted_at IS NULL"), ARCHIVED("archived_at IS NOT NULL AND deleted_at IS NULL"),
	ALL("1 = 1");

	/** A fixed SQL predicate per view: never built from input. */
	final String predicate;

	InvoiceView(String predicate) {
		this.predicate = predicate;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static InvoiceView parse(String value) {
		if (value == null || value.isBlank()) {
			return ACTIVE;
		}
		return Arrays.stream(values())
			.filter(v -> v.value().equals(value))
			.findFirst()
			.orElseThrow(() -> new BadRequestException("view must be one of active, archived, all."));
	}

}
