package io.ledgerline.invoices;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import io.ledgerline.web.BadRequestException;

/**
 * The list's tabs. {@code ALL} includes soft-deleted rows and is for admins only;
 * {@code OVERDUE} is the active invoices that are sent and past due on the day asked
 * about.
 */
public enum InvoiceView {

	ACTIVE("archived_at IS NULL AND deleted_at IS NULL"), ARCHIVED("archived_at IS NOT NULL AND deleted_at IS NULL"),
	ALL("1 = 1"), OVERDUE("archived_at IS NULL AND deleted_at IS NULL AND status = 'sent' AND due_on < ");

	/** A fixed SQL predicate per view: never built from input. */
	private final String predicate;

	InvoiceView(String predicate) {
		this.predicate = predicate;
	}

	/**
	 * The view's SQL predicate on {@code today}: the overdue view compares due dates with
	 * a date literal written from a {@link LocalDate} (never from input), so the clock
	 * that decides the day is the app's, not the database's.
	 */
	String predicate(LocalDate today) {
		return this == OVERDUE ? predicate + "DATE '" + today + "'" : predicate;
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
			.orElseThrow(() -> new BadRequestException("view must be one of active, archived, all, overdue."));
	}

}
