package io.ledgerline.invoices;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an invoice is in its billing life (independent of archive/delete), and the moves
 * between them a finance team expects: draft → sent → paid, void from draft or sent, and
 * paid and void final (docs/INVOICES.md, "Status rules").
 */
public enum InvoiceStatus {

	DRAFT, SENT, PAID, VOID;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<InvoiceStatus> parse(String value) {
		return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
	}

	/** Paid and void take no more status changes, except an admin's reopening. */
	public boolean isFinal() {
		return this == PAID || this == VOID;
	}

	/**
	 * Why moving from this status to {@code next} is refused, or empty when it is allowed
	 * (staying put always is). A final status is refused here: reopening is an admin's
	 * separate decision.
	 */
	Optional<String> refusalOfMoveTo(InvoiceStatus next) {
		if (next == this) {
			return Optional.empty();
		}
		if (isFinal()) {
			return Optional
				.of("A " + value() + " invoice is final: its status cannot change unless an admin reopens it.");
		}
		if (this == DRAFT && next == PAID) {
			return Optional.of("A draft invoice must be sent before it is marked paid.");
		}
		if (this == SENT && next == DRAFT) {
			return Optional.of("A sent invoice cannot go back to draft: void it, or mark it paid.");
		}
		return Optional.empty();
	}

}
