package io.ledgerline.invoices;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an invoice is in its billing life (independent of archive/delete). */
public enum InvoiceStatus {

	DRAFT, SENT, PAID, VOID;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<InvoiceStatus> parse(String value) {
		return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
	}

}
