package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.util.Optional;

import io.ledgerline.audit.AuditEntry;
import io.ledgerline.caching.FetchedAt;

/**
 * What the conflict banner marks: which of the user's values differ from the saved row,
 * and who saved it when (ISO instant; the newest audit row of the invoice, if there is
 * one).
 */
record ConflictDiff(boolean customerName, boolean status, boolean total, BigDecimal yourTotal, String savedBy,
		String savedAt) {

	static ConflictDiff of(InvoiceForm form, Invoice saved, Optional<AuditEntry> lastChange) {
		BigDecimal yours = parse(form.total());
		return new ConflictDiff(!saved.customerName().equals(strip(form.customerName())),
				!saved.status().value().equals(strip(form.status())),
				yours == null || yours.compareTo(saved.total()) != 0, yours,
				lastChange.map(AuditEntry::actorEmail).orElse(null),
				lastChange.map(entry -> FetchedAt.format(entry.occurredAt())).orElse(null));
	}

	private static String strip(String value) {
		return value == null ? "" : value.strip();
	}

	private static BigDecimal parse(String total) {
		try {
			return total == null ? null : new BigDecimal(total.strip());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

}
