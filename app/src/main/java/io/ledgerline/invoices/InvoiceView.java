package io.ledgerline.invoices;

import java.util.Arrays;
import java.util.Locale;

import io.ledgerline.web.BadRequestException;

/**
 * The list's tabs. {@code ALL} includes soft-deleted rows and is for admins only;
 * {@code OVERDUE} is the active invoices that are sent and past due on the day asked
 * about ({@link InvoiceRepository} holds each view's SQL).
 */
public enum InvoiceView {

	ACTIVE, ARCHIVED, ALL, OVERDUE;

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
