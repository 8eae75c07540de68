package io.ledgerline.invoices.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.ledgerline.audit.AuditEntry;
import io.ledgerline.caching.FetchedAt;
import io.ledgerline.invoices.Amount;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceDetail;
import io.ledgerline.invoices.InvoiceLine;
import io.ledgerline.invoices.LineInput;

/**
 * What the conflict banner marks: which of the user's values differ from the saved row
 * (the dates, and lines one by one, by position), and who saved it when (ISO instant; the
 * newest audit row of the invoice, if there is one).
 *
 * @param lines one row per position in either list; empty when the user's form sent no
 * lines (a total-only edit)
 */
record ConflictDiff(boolean customerName, boolean status, boolean total, BigDecimal yourTotal, LocalDate yourIssuedOn,
		LocalDate yourDueOn, List<LineDiff> lines, String savedBy, String savedAt, LocalDate savedIssuedOn,
		LocalDate savedDueOn) {

	/**
	 * One line position: the user's line and the saved one as people read them (empty
	 * when that side has no line there), and whether they differ.
	 */
	record LineDiff(int position, String yours, String saved, boolean differs) {
	}

	static ConflictDiff of(InvoiceForm form, InvoiceDetail saved, Optional<AuditEntry> lastChange) {
		BigDecimal yours = Amount.read(form.total()).orElse(null);
		Invoice invoice = saved.invoice();
		return new ConflictDiff(!invoice.customerName().equals(strip(form.customerName())),
				!invoice.status().value().equals(strip(form.status())),
				yours == null || yours.compareTo(invoice.total()) != 0, yours, date(form.issuedOn()),
				date(form.dueOn()), lines(form, saved.lines()), lastChange.map(AuditEntry::actorEmail).orElse(null),
				lastChange.map(entry -> FetchedAt.format(entry.occurredAt())).orElse(null), invoice.issuedOn(),
				invoice.dueOn());
	}

	/**
	 * Whether the user's issue date differs; a date the form left out keeps the saved
	 * one.
	 */
	public boolean issuedOn() {
		return yourIssuedOn != null && !yourIssuedOn.equals(savedIssuedOn);
	}

	/** Whether the user's due date differs, as {@link #issuedOn()}. */
	public boolean dueOn() {
		return yourDueOn != null && !yourDueOn.equals(savedDueOn);
	}

	/** The date the user sent; none when left out (a conflict comes after validation). */
	private static LocalDate date(String typed) {
		try {
			return strip(typed).isEmpty() ? null : LocalDate.parse(strip(typed));
		}
		catch (DateTimeParseException notADate) {
			return null;
		}
	}

	/** Whether any line position differs. */
	boolean anyLineDiffers() {
		return lines.stream().anyMatch(LineDiff::differs);
	}

	private static List<LineDiff> lines(InvoiceForm form, List<InvoiceLine> saved) {
		if (!form.hasLines()) {
			return List.of();
		}
		List<LineInput> yours = form.lines().stream().filter(line -> !line.isBlank()).toList();
		List<LineDiff> diffs = new ArrayList<>();
		for (int i = 0; i < Math.max(yours.size(), saved.size()); i++) {
			LineInput mine = i < yours.size() ? yours.get(i) : null;
			InvoiceLine theirs = i < saved.size() ? saved.get(i) : null;
			diffs.add(new LineDiff(i + 1, mine == null ? "" : text(mine), theirs == null ? "" : text(theirs),
					!same(mine, theirs)));
		}
		return diffs;
	}

	private static boolean same(LineInput mine, InvoiceLine theirs) {
		if (mine == null || theirs == null) {
			return mine == null && theirs == null;
		}
		return strip(mine.description()).equals(theirs.description()) && equal(mine.quantity(), theirs.quantity())
				&& equal(mine.unitPrice(), theirs.unitPrice());
	}

	private static boolean equal(String typed, BigDecimal saved) {
		return Amount.read(typed).map(value -> value.compareTo(saved) == 0).orElse(false);
	}

	private static String text(LineInput line) {
		return strip(line.description()) + " — " + strip(line.quantity()) + " × " + strip(line.unitPrice());
	}

	private static String text(InvoiceLine line) {
		return line.description() + " — " + line.quantity().toPlainString() + " × " + line.unitPrice().toPlainString();
	}

	private static String strip(String value) {
		return value == null ? "" : value.strip();
	}

}
