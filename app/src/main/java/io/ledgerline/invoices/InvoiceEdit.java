package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ledgerline.web.ValidationException;

/**
 * An edit as validated, before it meets the saved invoice: what the client sent, and
 * nothing for what it left out (an edit without line fields keeps the lines, one without
 * dates keeps the dates).
 *
 * @param lines the lines sent, if any
 * @param total a total the client set itself, if any: the lines are kept and the
 * difference is booked on the one Adjustment line
 */
public record InvoiceEdit(String customerName, InvoiceStatus status, Optional<LocalDate> issuedOn,
		Optional<LocalDate> dueOn, Optional<List<NewInvoiceLine>> lines, Optional<BigDecimal> total) {

	/**
	 * An edit of customer, status and total only, as older clients and the seeds' flow
	 * send it: lines and dates stay, the total's difference is booked as an adjustment.
	 */
	public static InvoiceEdit totalOnly(String customerName, InvoiceStatus status, BigDecimal total) {
		return new InvoiceEdit(customerName, status, Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.of(total));
	}

	/**
	 * The invoice this edit makes of {@code saved} (with its {@code savedLines}), or a
	 * {@link ValidationException} (422) when the result breaks a rule of the whole.
	 */
	public InvoiceChanges applyTo(Invoice saved, List<InvoiceLine> savedLines) {
		List<NewInvoiceLine> base = lines.orElseGet(() -> savedLines.stream().map(NewInvoiceLine::of).toList());
		List<NewInvoiceLine> resolved = total.map(wanted -> withAdjustment(base, wanted)).orElse(base);
		LocalDate issued = issuedOn.orElse(saved.issuedOn());
		LocalDate due = dueOn.orElse(saved.dueOn());
		Map<String, String> errors = new LinkedHashMap<>();
		InvoiceFields.dueNotBeforeIssue(issued, due, errors);
		BigDecimal sum = NewInvoiceLine.sum(resolved);
		if (sum.signum() < 0) {
			errors.put("lines", "The lines add up to " + sum.toPlainString() + "; a total cannot be negative.");
		}
		else {
			InvoiceFields.valid("total", errors, () -> Amount.total(sum));
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new InvoiceChanges(customerName, status, issued, due, resolved);
	}

	/**
	 * {@code lines} without their Adjustment line, plus one for whatever {@code wanted}
	 * differs from their sum (none when they already add up): at most one Adjustment
	 * line, so repeated total-only edits change it rather than add to it.
	 */
	static List<NewInvoiceLine> withAdjustment(List<NewInvoiceLine> lines, BigDecimal wanted) {
		List<NewInvoiceLine> others = new ArrayList<>(
				lines.stream().filter(line -> !line.description().equals(InvoiceFields.ADJUSTMENT)).toList());
		BigDecimal difference = wanted.subtract(NewInvoiceLine.sum(others));
		if (difference.signum() != 0) {
			others.add(new NewInvoiceLine(InvoiceFields.ADJUSTMENT, BigDecimal.ONE.setScale(2), difference));
		}
		return others;
	}

}
