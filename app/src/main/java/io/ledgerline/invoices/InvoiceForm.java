package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.ledgerline.web.ValidationException;

/**
 * The edit form exactly as submitted (strings, so "abc" can be shown back with a message
 * instead of failing to bind). {@link #validate} turns it into checked changes.
 */
public record InvoiceForm(String customerName, String status, String total, String version) {

	static final int MAX_CUSTOMER_NAME = 200;

	/** NUMERIC(12,2): ten digits before the point, two after. */
	static final BigDecimal MAX_TOTAL = new BigDecimal("9999999999.99");

	static InvoiceForm of(Invoice invoice) {
		return new InvoiceForm(invoice.customerName(), invoice.status().value(), invoice.total().toPlainString(),
				Long.toString(invoice.version()));
	}

	long expectedVersion() {
		return ExpectedVersion.parse(version);
	}

	record Validated(Optional<InvoiceChanges> changes, Map<String, String> errors) {

		/**
		 * The valid values, or a {@link ValidationException} (422) with every message.
		 */
		InvoiceChanges orElseThrow() {
			return changes.orElseThrow(() -> new ValidationException(errors));
		}

	}

	Validated validate() {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = customerName == null ? "" : customerName.strip();
		if (name.isEmpty()) {
			errors.put("customerName", "Customer name is required.");
		}
		else if (name.length() > MAX_CUSTOMER_NAME) {
			errors.put("customerName", "Customer name must be at most " + MAX_CUSTOMER_NAME + " characters.");
		}
		else if (name.chars().anyMatch(Character::isISOControl)) {
			// Line breaks, tabs and NUL have no place in a name (and PostgreSQL refuses
			// NUL).
			errors.put("customerName", "Customer name must be a single line of text.");
		}
		Optional<InvoiceStatus> parsedStatus = InvoiceStatus.parse(status);
		if (parsedStatus.isEmpty()) {
			errors.put("status", "Status must be one of draft, sent, paid, void.");
		}
		BigDecimal amount = parseTotal(errors);
		if (!errors.isEmpty()) {
			return new Validated(Optional.empty(), errors);
		}
		return new Validated(Optional.of(new InvoiceChanges(name, parsedStatus.get(), amount)), errors);
	}

	private BigDecimal parseTotal(Map<String, String> errors) {
		String text = total == null ? "" : total.strip();
		if (text.isEmpty()) {
			errors.put("total", "Total is required.");
			return null;
		}
		if (!text.matches("-?\\d{1,20}(\\.\\d{1,20})?")) {
			errors.put("total", "Total must be a number like 1234.50.");
			return null;
		}
		BigDecimal amount = new BigDecimal(text);
		if (amount.signum() < 0) {
			errors.put("total", "Total cannot be negative.");
		}
		else if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
			errors.put("total", "Total can have at most two decimal places.");
		}
		else if (amount.compareTo(MAX_TOTAL) > 0) {
			errors.put("total", "Total must be at most 9999999999.99.");
		}
		else {
			return amount.setScale(2);
		}
		return null;
	}

}
