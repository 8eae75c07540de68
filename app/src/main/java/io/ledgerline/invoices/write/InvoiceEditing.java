package io.ledgerline.invoices.write;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ledgerline.audit.AuditLog;
import io.ledgerline.summary.SummaryRepository;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceAccess;
import io.ledgerline.invoices.InvoiceChanges;
import io.ledgerline.invoices.InvoiceConflictException;
import io.ledgerline.invoices.InvoiceEdit;
import io.ledgerline.invoices.InvoiceRepository;
import io.ledgerline.invoices.InvoiceSearchIndex;
import io.ledgerline.invoices.StatusMoves;

/**
 * Saves an edit of one invoice. Like every invoice write it checks its three
 * preconditions (tenancy, lifecycle, version), applies the summary delta and writes its
 * audit row in one transaction, and asks for its cache invalidations there too (they run
 * after the commit); a refused precondition changes, invalidates and logs nothing.
 */
@Service
public class InvoiceEditing {

	private final InvoiceRepository invoices;

	private final SummaryRepository summaries;

	private final AuditLog audit;

	private final InvoiceInvalidation invalidation;

	private final InvoiceSearchIndex searchIndex;

	private final Clock clock;

	InvoiceEditing(InvoiceRepository invoices, SummaryRepository summaries, AuditLog audit,
			InvoiceInvalidation invalidation, InvoiceSearchIndex searchIndex, Clock clock) {
		this.invoices = invoices;
		this.summaries = summaries;
		this.audit = audit;
		this.invalidation = invalidation;
		this.searchIndex = searchIndex;
		this.clock = clock;
	}

	/**
	 * Saves an edit: the precondition (version, unless an admin overwrites) covers the
	 * whole invoice, lines included; a refused status move (docs/INVOICES.md) or a result
	 * that breaks a rule is a 422 that writes nothing. The lines are replaced as a whole
	 * and the total is their sum.
	 */
	@Transactional
	public Invoice update(ActingUser actor, long id, InvoiceEdit edit, long expectedVersion, boolean overwrite) {
		if (overwrite) {
			// The hidden button is a convenience; this check is the security.
			actor.requireAdmin("overwrite changes made elsewhere");
		}
		Invoice before = InvoiceAccess.editable(WriteLookups.lockVisible(invoices, actor, id));
		if (!overwrite && before.version() != expectedVersion) {
			throw new InvoiceConflictException(InvoiceConflictException.EDIT_CHANGED_ELSEWHERE, before);
		}
		boolean reopening = StatusMoves.check(actor, before, edit.status());
		InvoiceChanges changes = edit.applyTo(before, invoices.lines(id));
		boolean written = invoices.update(actor.orgId(), id, changes, overwrite ? null : expectedVersion,
				clock.instant());
		if (!written) {
			throw new InvoiceConflictException(InvoiceConflictException.EDIT_CHANGED_ELSEWHERE, before);
		}
		invoices.replaceLines(id, changes.lines());
		searchIndex.rename(actor.orgId(), id, before.number(), before.customerName(), changes.customerName());
		if (before.isActive()) {
			summaries.applyDelta(actor.orgId(), 0, changes.total().subtract(before.total()));
		}
		if (reopening) {
			audit.record(actor.orgId(), actor.userId(), "invoice.reopen", "invoice", Long.toString(id),
					before.number() + " reopened: " + before.status().value() + " -> " + changes.status().value());
		}
		audit.record(actor.orgId(), actor.userId(), "invoice.update", "invoice", Long.toString(id),
				describeUpdate(before, changes, overwrite));
		invalidation.afterEdit(actor.orgId(), id);
		return WriteLookups.reload(invoices, actor, id);
	}

	private static String describeUpdate(Invoice before, InvoiceChanges after, boolean overwrite) {
		return before.number() + ": customer '" + before.customerName() + "' -> '" + after.customerName() + "', status "
				+ before.status().value() + " -> " + after.status().value() + ", total "
				+ before.total().toPlainString() + " -> " + after.total().toPlainString() + ", " + after.lines().size()
				+ " line(s), issued " + after.issuedOn() + ", due " + after.dueOn() + (overwrite ? " (overwrite)" : "");
	}

}
