package io.ledgerline.invoices.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import io.ledgerline.invoices.Amount;
import io.ledgerline.invoices.InvoiceFields;
import io.ledgerline.invoices.InvoiceStatus;
import io.ledgerline.invoices.LineInput;
import io.ledgerline.invoices.NewInvoice;
import io.ledgerline.invoices.NewInvoiceLine;
import io.ledgerline.invoices.PaymentTerms;

/**
 * The new-invoice form exactly as submitted (strings, so "abc" is shown back with a
 * message rather than failing to bind). Lines arrive as three repeated fields
 * ({@code lineDescription}, {@code lineQuantity}, {@code lineUnitPrice}) aligned by
 * position ({@link InvoiceFields#lines(HttpServletRequest)}). {@link #validate} turns the
 * form into a {@link NewInvoice} or a message per problem.
 */
public record NewInvoiceForm(String customerName, String issuedOn, String dueOn, String status, List<LineInput> lines) {

	public static final int MAX_LINES = InvoiceFields.MAX_LINES;

	public NewInvoiceForm {
		lines = List.copyOf(lines);
	}

	/**
	 * An empty form: issued today, due after the org's terms, a draft, one empty line.
	 */
	static NewInvoiceForm blank(LocalDate today, int termsDays) {
		return new NewInvoiceForm("", today.toString(), PaymentTerms.dueOn(today, termsDays).toString(),
				InvoiceStatus.DRAFT.value(), List.of(LineInput.EMPTY));
	}

	static NewInvoiceForm from(HttpServletRequest request) {
		return new NewInvoiceForm(InvoiceFields.orEmpty(request.getParameter("customerName")),
				InvoiceFields.orEmpty(request.getParameter("issuedOn")),
				InvoiceFields.orEmpty(request.getParameter("dueOn")),
				InvoiceFields.orEmpty(request.getParameter("status")), InvoiceFields.lines(request));
	}

	/** The same values with one more empty line (the "add a line" button). */
	NewInvoiceForm withLineAdded() {
		return new NewInvoiceForm(customerName, issuedOn, dueOn, status, InvoiceFields.withLineAdded(lines));
	}

	/**
	 * The same values without the line at {@code index} (its "remove" button); the form
	 * always keeps one line to type into.
	 */
	NewInvoiceForm withLineRemoved(int index) {
		return new NewInvoiceForm(customerName, issuedOn, dueOn, status, InvoiceFields.withLineRemoved(lines, index));
	}

	record Validated(Optional<NewInvoice> invoice, Map<String, String> errors) {
	}

	/**
	 * Checks every field; error keys are the field names ({@code lines[2].quantity} for a
	 * line's field, {@code lines} and {@code total} for the whole). A due date left empty
	 * is the issue date plus the org's terms ({@code termsDays}).
	 */
	Validated validate(int termsDays) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = InvoiceFields.customerName(customerName, errors);
		LocalDate issued = InvoiceFields.date(issuedOn, "issuedOn", "Issue date", errors);
		LocalDate due = dueOn.isBlank() ? (issued == null ? null : PaymentTerms.dueOn(issued, termsDays))
				: InvoiceFields.date(dueOn, "dueOn", "Due date", errors);
		InvoiceFields.dueNotBeforeIssue(issued, due, errors);
		Optional<InvoiceStatus> parsedStatus = InvoiceFields.status(status, errors);
		List<NewInvoiceLine> parsed = InvoiceFields.lines(lines, false, errors);
		if (!errors.isEmpty()) {
			return new Validated(Optional.empty(), errors);
		}
		NewInvoice invoice = new NewInvoice(name, issued, due, parsedStatus.get(), parsed);
		if (InvoiceFields.valid("total", errors, () -> Amount.total(invoice.total())) == null) {
			return new Validated(Optional.empty(), errors);
		}
		return new Validated(Optional.of(invoice), errors);
	}

}
