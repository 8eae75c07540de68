package io.ledgerline.invoices.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import io.ledgerline.web.ValidationException;
import io.ledgerline.invoices.Amount;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceEdit;
import io.ledgerline.invoices.InvoiceFields;
import io.ledgerline.invoices.InvoiceLine;
import io.ledgerline.invoices.InvoiceStatus;
import io.ledgerline.invoices.LineInput;
import io.ledgerline.invoices.NewInvoiceLine;

/**
 * The edit form exactly as submitted (strings, so "abc" can be shown back with a message
 * instead of failing to bind). {@link #validate} turns it into an {@link InvoiceEdit}.
 *
 * @param total the total field as typed: beside lines it counts only when it differs from
 * {@code totalWas} (what the form showed), so a form whose lines changed and whose total
 * was left alone takes the lines' sum; a form whose rows are all blank is its total alone
 * @param totalWas the total the form was rendered with (hidden); absent for clients that
 * post a total of their own
 * @param lines the line rows as typed, or null when the request carried no line fields
 */
public record InvoiceForm(String customerName, String status, String total, String totalWas, String issuedOn,
		String dueOn, String version, List<LineInput> lines) {

	/**
	 * The form for {@code invoice} as saved, with its lines and a blank row to add one.
	 */
	static InvoiceForm of(Invoice invoice, List<InvoiceLine> lines) {
		String total = invoice.total().toPlainString();
		List<LineInput> rows = new java.util.ArrayList<>(lines.stream().map(LineInput::of).toList());
		rows.add(LineInput.EMPTY);
		return new InvoiceForm(invoice.customerName(), invoice.status().value(), total, total,
				invoice.issuedOn().toString(), invoice.dueOn().toString(), Long.toString(invoice.version()), rows);
	}

	static InvoiceForm from(HttpServletRequest request) {
		return new InvoiceForm(request.getParameter("customerName"), request.getParameter("status"),
				request.getParameter("total"), request.getParameter("totalWas"), request.getParameter("issuedOn"),
				request.getParameter("dueOn"), request.getParameter("version"),
				InvoiceFields.hasLines(request) ? InvoiceFields.lines(request) : null);
	}

	long expectedVersion() {
		return ExpectedVersion.parse(version);
	}

	boolean hasLines() {
		return lines != null;
	}

	/** The rows to show: the lines sent, or one blank row for a form that sent none. */
	public List<LineInput> rows() {
		return hasLines() ? lines : List.of(LineInput.EMPTY);
	}

	/** The same values with one more empty row (the "add a line" button). */
	InvoiceForm withLineAdded() {
		return withLines(InvoiceFields.withLineAdded(rows()));
	}

	/** The same values without the row at {@code index} (its "remove" button). */
	InvoiceForm withLineRemoved(int index) {
		return withLines(InvoiceFields.withLineRemoved(rows(), index));
	}

	private InvoiceForm withLines(List<LineInput> rows) {
		return new InvoiceForm(customerName, status, total, totalWas, issuedOn, dueOn, version, rows);
	}

	record Validated(Optional<InvoiceEdit> edit, Map<String, String> errors) {

		/**
		 * The valid edit, or a {@link ValidationException} (422) with every message.
		 */
		InvoiceEdit orElseThrow() {
			return edit.orElseThrow(() -> new ValidationException(errors));
		}

	}

	Validated validate() {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = InvoiceFields.customerName(customerName, errors);
		Optional<InvoiceStatus> parsedStatus = InvoiceFields.status(status, errors);
		var issued = blank(issuedOn) ? null : InvoiceFields.date(issuedOn, "issuedOn", "Issue date", errors);
		var due = blank(dueOn) ? null : InvoiceFields.date(dueOn, "dueOn", "Due date", errors);
		// A form whose rows are all blank has no lines: its total is the whole invoice
		// (booked on the Adjustment line), like a total-only edit's.
		Optional<List<NewInvoiceLine>> parsedLines = !hasLines() ? Optional.empty()
				: Optional.of(noLinesFilled() ? List.of() : InvoiceFields.lines(lines, true, errors));
		Optional<BigDecimal> setTotal = totalSet(errors);
		if (!errors.isEmpty()) {
			return new Validated(Optional.empty(), errors);
		}
		return new Validated(Optional.of(new InvoiceEdit(name, parsedStatus.get(), Optional.ofNullable(issued),
				Optional.ofNullable(due), parsedLines, setTotal)), errors);
	}

	/**
	 * The total the client set, if it set one: required when no lines were sent (the
	 * total is then the whole edit), optional beside lines, and ignored when it is still
	 * the total the form showed.
	 */
	private Optional<BigDecimal> totalSet(Map<String, String> errors) {
		if (blank(total)) {
			if (!hasLines()) {
				errors.put("total", "Total is required.");
			}
			else if (noLinesFilled()) {
				errors.put("lines", "Add at least one line, or a total.");
			}
			return Optional.empty();
		}
		Amount amount = InvoiceFields.valid("total", errors, () -> Amount.parse(total, Amount.Kind.TOTAL));
		if (amount == null || (hasLines() && !noLinesFilled() && unchanged(amount.value()))) {
			return Optional.empty();
		}
		return Optional.of(amount.value());
	}

	private boolean noLinesFilled() {
		return lines.stream().allMatch(LineInput::isBlank);
	}

	private boolean unchanged(BigDecimal amount) {
		return Amount.read(totalWas).map(was -> was.compareTo(amount) == 0).orElse(false);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
