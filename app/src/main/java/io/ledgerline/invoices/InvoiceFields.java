package io.ledgerline.invoices;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import io.ledgerline.web.BadRequestException;

/**
 * The fields the new-invoice form and the edit form share (customer, dates, lines,
 * amounts), read the same way in both, so a value one form takes the other takes too. The
 * rules of single values live in the values ({@link CustomerName}, {@link Amount},
 * {@link OneLineText}); here each field's refusal goes under the field's name, and the
 * field reads as null (or nothing).
 */
public final class InvoiceFields {

	public static final int MAX_LINES = 100;

	static final int MAX_DESCRIPTION = 300;

	static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

	static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

	/** The line the server books a total's difference on (docs/INVOICES.md). */
	static final String ADJUSTMENT = "Adjustment";

	/**
	 * More lines than this in one request is not a form a person filled in: refused
	 * before any work is done on it.
	 */
	private static final int MAX_SUBMITTED_LINES = 2 * MAX_LINES;

	private static final String[] LINE_FIELDS = { "lineDescription", "lineQuantity", "lineUnitPrice" };

	private InvoiceFields() {
	}

	/**
	 * Whether the request carries line fields at all (an edit without them keeps its
	 * lines).
	 */
	public static boolean hasLines(HttpServletRequest request) {
		for (String field : LINE_FIELDS) {
			if (request.getParameterValues(field) != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The lines as submitted: three repeated fields aligned by position, read with
	 * {@code getParameterValues}, never through a String-to-List conversion, which would
	 * split a description at its commas.
	 */
	public static List<LineInput> lines(HttpServletRequest request) {
		String[] descriptions = values(request, LINE_FIELDS[0]);
		String[] quantities = values(request, LINE_FIELDS[1]);
		String[] prices = values(request, LINE_FIELDS[2]);
		if (descriptions.length != quantities.length || descriptions.length != prices.length) {
			throw new BadRequestException(
					"Every line needs lineDescription, lineQuantity and lineUnitPrice, in the same order.");
		}
		if (descriptions.length > MAX_SUBMITTED_LINES) {
			throw new BadRequestException("An invoice has at most " + MAX_LINES + " lines.");
		}
		List<LineInput> lines = new ArrayList<>();
		for (int i = 0; i < descriptions.length; i++) {
			lines.add(new LineInput(descriptions[i], quantities[i], prices[i]));
		}
		return lines;
	}

	/** The same lines with one more empty line (the "add a line" button). */
	public static List<LineInput> withLineAdded(List<LineInput> lines) {
		List<LineInput> more = new ArrayList<>(lines);
		if (more.size() < MAX_SUBMITTED_LINES) {
			more.add(LineInput.EMPTY);
		}
		return more;
	}

	/**
	 * The same lines without the one at {@code index} (its "remove" button); a form
	 * always keeps one line to type into.
	 */
	public static List<LineInput> withLineRemoved(List<LineInput> lines, int index) {
		List<LineInput> fewer = new ArrayList<>(lines);
		if (index >= 0 && index < fewer.size()) {
			fewer.remove(index);
		}
		if (fewer.isEmpty()) {
			fewer.add(LineInput.EMPTY);
		}
		return fewer;
	}

	public static String customerName(String input, Map<String, String> errors) {
		CustomerName name = valid("customerName", errors, () -> new CustomerName(input));
		return name == null ? null : name.value();
	}

	/**
	 * The value {@code rule} makes, or null with its refusal under {@code field}.
	 */
	public static <T> T valid(String field, Map<String, String> errors, Supplier<T> rule) {
		try {
			return rule.get();
		}
		catch (InvalidValueException refused) {
			errors.put(field, refused.getMessage());
			return null;
		}
	}

	public static Optional<InvoiceStatus> status(String input, Map<String, String> errors) {
		Optional<InvoiceStatus> parsed = InvoiceStatus.parse(input);
		if (parsed.isEmpty()) {
			errors.put("status", "Status must be one of draft, sent, paid, void.");
		}
		return parsed;
	}

	/** An ISO date between 2000 and 2099; {@code label} starts the messages. */
	public static LocalDate date(String input, String field, String label, Map<String, String> errors) {
		String text = input == null ? "" : input.strip();
		if (text.isEmpty()) {
			errors.put(field, label + " is required.");
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
				errors.put(field, label + " must be between " + EARLIEST_DATE + " and " + LATEST_DATE + ".");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException e) {
			errors.put(field, label + " must be a date like 2026-11-22.");
			return null;
		}
	}

	/** A due date on or after the issue date (both already valid, or null). */
	public static void dueNotBeforeIssue(LocalDate issuedOn, LocalDate dueOn, Map<String, String> errors) {
		if (issuedOn != null && dueOn != null && dueOn.isBefore(issuedOn)) {
			errors.put("dueOn", "Due date cannot be before the issue date (" + issuedOn + ").");
		}
	}

	/**
	 * The filled lines, checked one by one (keys {@code lines[2].quantity}); completely
	 * blank lines (an added line left empty) are skipped, not reported.
	 * @param adjustmentMaySubtract whether the line named "Adjustment" may carry a
	 * negative unit price (an edit's booked difference; a new invoice has none)
	 */
	public static List<NewInvoiceLine> lines(List<LineInput> lines, boolean adjustmentMaySubtract,
			Map<String, String> errors) {
		List<NewInvoiceLine> parsed = new ArrayList<>();
		int filled = 0;
		int adjustments = 0;
		for (int i = 0; i < lines.size(); i++) {
			LineInput line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			filled++;
			boolean adjustment = adjustmentMaySubtract && ADJUSTMENT.equals(strip(line.description()));
			if (adjustment) {
				adjustments++;
			}
			line(i, line, adjustment, errors).ifPresent(parsed::add);
		}
		if (filled == 0) {
			errors.put("lines", "Add at least one line.");
		}
		else if (filled > MAX_LINES) {
			errors.put("lines", "An invoice has at most " + MAX_LINES + " lines; this one has " + filled + ".");
		}
		else if (adjustments > 1) {
			errors.put("lines", "An invoice has at most one " + ADJUSTMENT + " line.");
		}
		return parsed;
	}

	private static Optional<NewInvoiceLine> line(int index, LineInput line, boolean adjustment,
			Map<String, String> errors) {
		String field = "lines[" + index + "].";
		int before = errors.size();
		String description = valid(field + "description", errors,
				() -> OneLineText.check(line.description(), "Description", MAX_DESCRIPTION));
		Amount quantity = valid(field + "quantity", errors, () -> Amount.parse(line.quantity(), Amount.Kind.QUANTITY));
		// The booked difference may be as large as a total, either way.
		Amount unitPrice = valid(field + "unitPrice", errors,
				() -> Amount.parse(line.unitPrice(), adjustment ? Amount.Kind.ADJUSTMENT : Amount.Kind.UNIT_PRICE));
		if (errors.size() > before) {
			return Optional.empty();
		}
		NewInvoiceLine parsed = new NewInvoiceLine(description, quantity.value(), unitPrice.value());
		if (parsed.amount().abs().compareTo(Amount.MAX) > 0) {
			errors.put(field + "unitPrice", "This line comes to " + parsed.amount().toPlainString()
					+ "; a line must be at most " + Amount.MAX.toPlainString() + ".");
			return Optional.empty();
		}
		return Optional.of(parsed);
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? new String[0] : values;
	}

	public static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	private static String strip(String value) {
		return value == null ? "" : value.strip();
	}

}
