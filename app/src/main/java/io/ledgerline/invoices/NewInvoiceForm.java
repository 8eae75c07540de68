package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import io.ledgerline.web.BadRequestException;

/**
 * The new-invoice form exactly as submitted (strings, so "abc" is shown back with a
 * message rather than failing to bind). Lines arrive as three repeated fields
 * ({@code lineDescription}, {@code lineQuantity}, {@code lineUnitPrice}) aligned by
 * position: read with {@code getParameterValues}, never through a String-to-List
 * conversion, which would split a description at its commas. {@link #validate} turns the
 * form into a {@link NewInvoice} or a message per problem.
 */
public record NewInvoiceForm(String customerName, String issuedOn, String status, List<LineInput> lines) {

	public static final int MAX_LINES = 100;

	static final int MAX_DESCRIPTION = 300;

	static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");

	static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000000");

	static final LocalDate EARLIEST_ISSUE = LocalDate.of(2000, 1, 1);

	static final LocalDate LATEST_ISSUE = LocalDate.of(2099, 12, 31);

	/**
	 * More lines than this in one request is not a form a person filled in: refused
	 * before any work is done on it.
	 */
	private static final int MAX_SUBMITTED_LINES = 2 * MAX_LINES;

	private static final Pattern DECIMAL = Pattern.compile("\\d{1,20}(\\.\\d{1,20})?");

	/** One line as typed. */
	public record LineInput(String description, String quantity, String unitPrice) {

		static final LineInput EMPTY = new LineInput("", "", "");

		boolean isBlank() {
			return blank(description) && blank(quantity) && blank(unitPrice);
		}

	}

	public NewInvoiceForm {
		lines = List.copyOf(lines);
	}

	/** An empty form: issued today, a draft, one empty line. */
	static NewInvoiceForm blank(LocalDate today) {
		return new NewInvoiceForm("", today.toString(), InvoiceStatus.DRAFT.value(), List.of(LineInput.EMPTY));
	}

	static NewInvoiceForm from(HttpServletRequest request) {
		String[] descriptions = values(request, "lineDescription");
		String[] quantities = values(request, "lineQuantity");
		String[] prices = values(request, "lineUnitPrice");
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
		return new NewInvoiceForm(orEmpty(request.getParameter("customerName")),
				orEmpty(request.getParameter("issuedOn")), orEmpty(request.getParameter("status")), lines);
	}

	/** The same values with one more empty line (the "add a line" button). */
	NewInvoiceForm withLineAdded() {
		List<LineInput> more = new ArrayList<>(lines);
		if (more.size() < MAX_SUBMITTED_LINES) {
			more.add(LineInput.EMPTY);
		}
		return new NewInvoiceForm(customerName, issuedOn, status, more);
	}

	/**
	 * The same values without the line at {@code index} (its "remove" button); the form
	 * always keeps one line to type into.
	 */
	NewInvoiceForm withLineRemoved(int index) {
		List<LineInput> fewer = new ArrayList<>(lines);
		if (index >= 0 && index < fewer.size()) {
			fewer.remove(index);
		}
		if (fewer.isEmpty()) {
			fewer.add(LineInput.EMPTY);
		}
		return new NewInvoiceForm(customerName, issuedOn, status, fewer);
	}

	record Validated(Optional<NewInvoice> invoice, Map<String, String> errors) {
	}

	/**
	 * Checks every field; error keys are the field names ({@code lines[2].quantity} for a
	 * line's field, {@code lines} and {@code total} for the whole). Completely blank
	 * lines (an added line left empty) are skipped, not reported.
	 */
	Validated validate() {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = customerName.strip();
		if (name.isEmpty()) {
			errors.put("customerName", "Customer name is required.");
		}
		else if (name.length() > InvoiceForm.MAX_CUSTOMER_NAME) {
			errors.put("customerName",
					"Customer name must be at most " + InvoiceForm.MAX_CUSTOMER_NAME + " characters.");
		}
		else if (name.chars().anyMatch(Character::isISOControl)) {
			errors.put("customerName", "Customer name must be a single line of text.");
		}
		LocalDate date = parseDate(errors);
		Optional<InvoiceStatus> parsedStatus = InvoiceStatus.parse(status);
		if (parsedStatus.isEmpty()) {
			errors.put("status", "Status must be one of draft, sent, paid, void.");
		}
		List<NewInvoiceLine> parsed = new ArrayList<>();
		int filled = 0;
		for (int i = 0; i < lines.size(); i++) {
			LineInput line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			filled++;
			parseLine(i, line, errors).ifPresent(parsed::add);
		}
		if (filled == 0) {
			errors.put("lines", "Add at least one line.");
		}
		else if (filled > MAX_LINES) {
			errors.put("lines", "An invoice has at most " + MAX_LINES + " lines; this one has " + filled + ".");
		}
		if (!errors.isEmpty()) {
			return new Validated(Optional.empty(), errors);
		}
		NewInvoice invoice = new NewInvoice(name, date, parsedStatus.get(), parsed);
		if (invoice.total().compareTo(InvoiceForm.MAX_TOTAL) > 0) {
			errors.put("total", "The lines add up to " + invoice.total().toPlainString()
					+ "; an invoice total must be at most 9999999999.99.");
			return new Validated(Optional.empty(), errors);
		}
		return new Validated(Optional.of(invoice), errors);
	}

	private LocalDate parseDate(Map<String, String> errors) {
		String text = issuedOn.strip();
		if (text.isEmpty()) {
			errors.put("issuedOn", "Issue date is required.");
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.isBefore(EARLIEST_ISSUE) || date.isAfter(LATEST_ISSUE)) {
				errors.put("issuedOn", "Issue date must be between " + EARLIEST_ISSUE + " and " + LATEST_ISSUE + ".");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException e) {
			errors.put("issuedOn", "Issue date must be a date like 2026-11-22.");
			return null;
		}
	}

	private static Optional<NewInvoiceLine> parseLine(int index, LineInput line, Map<String, String> errors) {
		String field = "lines[" + index + "].";
		int before = errors.size();
		String description = line.description().strip();
		if (description.isEmpty()) {
			errors.put(field + "description", "Description is required.");
		}
		else if (description.length() > MAX_DESCRIPTION) {
			errors.put(field + "description", "Description must be at most " + MAX_DESCRIPTION + " characters.");
		}
		else if (description.chars().anyMatch(Character::isISOControl)) {
			errors.put(field + "description", "Description must be a single line of text.");
		}
		BigDecimal quantity = positive(line.quantity(), "Quantity", MAX_QUANTITY, field + "quantity", errors);
		BigDecimal unitPrice = positive(line.unitPrice(), "Unit price", MAX_UNIT_PRICE, field + "unitPrice", errors);
		if (errors.size() > before) {
			return Optional.empty();
		}
		NewInvoiceLine parsed = new NewInvoiceLine(description, quantity, unitPrice);
		if (parsed.amount().compareTo(InvoiceForm.MAX_TOTAL) > 0) {
			errors.put(field + "unitPrice", "This line comes to " + parsed.amount().toPlainString()
					+ "; a line must be at most 9999999999.99.");
			return Optional.empty();
		}
		return Optional.of(parsed);
	}

	/** A positive decimal with at most two decimal places, at most {@code max}. */
	private static BigDecimal positive(String input, String label, BigDecimal max, String field,
			Map<String, String> errors) {
		String text = input.strip();
		if (text.isEmpty()) {
			errors.put(field, label + " is required.");
			return null;
		}
		if (!DECIMAL.matcher(text).matches()) {
			errors.put(field, label + " must be a positive number like 12.50.");
			return null;
		}
		BigDecimal value = new BigDecimal(text);
		if (value.signum() <= 0) {
			errors.put(field, label + " must be more than zero.");
		}
		else if (value.stripTrailingZeros().scale() > 2) {
			errors.put(field, label + " can have at most two decimal places.");
		}
		else if (value.compareTo(max) > 0) {
			errors.put(field, label + " must be at most " + max.toPlainString() + ".");
		}
		else {
			return value.setScale(2);
		}
		return null;
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? new String[0] : values;
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
