package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ledgerline.audit.AuditLog;
import io.ledgerline.summary.SummaryRepository;
import io.ledgerline.tenancy.ActingUser;

/**
 * The invoice mutations (reads are {@link InvoiceReads}). Every mutation checks its three
 * preconditions (tenancy, lifecycle, version), applies the summary delta and writes its
 * audit row in one transaction, and asks for its cache invalidations there too (they run
 * after the commit); a refused precondition changes, invalidates and logs nothing.
 */
@Service
public class InvoiceService {

	private final InvoiceRepository invoices;

	private final SummaryRepository summaries;

	private final AuditLog audit;

	private final InvoiceInvalidation invalidation;

	private final InvoiceSearchIndex searchIndex;

	private final Clock clock;

	InvoiceService(InvoiceRepository invoices, SummaryRepository summaries, AuditLog audit,
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
		Invoice before = InvoiceAccess.editable(lockVisible(actor, id));
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
		return reload(actor, id);
	}

	@Transactional
	public Invoice archive(ActingUser actor, long id, long expectedVersion) {
		return transition(actor, id, LifecycleAction.ARCHIVE, expectedVersion);
	}

	@Transactional
	public Invoice restore(ActingUser actor, long id, long expectedVersion) {
		return transition(actor, id, LifecycleAction.RESTORE, expectedVersion);
	}

	@Transactional
	public Invoice delete(ActingUser actor, long id, long expectedVersion) {
		return transition(actor, id, LifecycleAction.DELETE, expectedVersion);
	}

	private Invoice transition(ActingUser actor, long id, LifecycleAction action, long expectedVersion) {
		if (action.adminOnly) {
			actor.requireAdmin(action.verb() + " invoices");
		}
		Invoice before = lockVisible(actor, id);
		if (!invoices.transition(actor.orgId(), id, action, expectedVersion, clock.instant())) {
			throw refusal(before, action, expectedVersion);
		}
		int activeDelta = action.activeDelta(before);
		summaries.applyDelta(actor.orgId(), activeDelta, before.total().multiply(BigDecimal.valueOf(activeDelta)));
		audit.record(actor.orgId(), actor.userId(), action.auditAction(), "invoice", Long.toString(id),
				before.number() + " " + action.pastTense());
		invalidation.afterChange(actor.orgId(), id);
		return reload(actor, id);
	}

	private static InvoiceConflictException refusal(Invoice before, LifecycleAction action, long expectedVersion) {
		if (before.version() != expectedVersion) {
			return new InvoiceConflictException(InvoiceConflictException.CHANGED_ELSEWHERE, before);
		}
		return switch (before.lifecycle()) {
			case DELETED -> InvoiceConflictException.deleted(before);
			case ARCHIVED -> new InvoiceConflictException(before.number() + " is already archived.", before);
			case ACTIVE -> new InvoiceConflictException(
					before.number() + " is not archived, so it cannot be " + action.pastTense() + ".", before);
		};
	}

	/**
	 * The write path's lookup, with the read path's visibility rule: what a reader may
	 * not see (another org's row, a deleted one for a member) does not exist for a writer
	 * either, so no refusal (a conflict carries the row) can show it.
	 */
	private Invoice lockVisible(ActingUser actor, long id) {
		Invoice invoice = invoices.lock(actor.orgId(), id).orElseThrow(() -> InvoiceAccess.notFound(id));
		return InvoiceAccess.visible(actor, invoice);
	}

	private Invoice reload(ActingUser actor, long id) {
		return invoices.find(actor.orgId(), id).orElseThrow(() -> InvoiceAccess.notFound(id));
	}

	private static String describeUpdate(Invoice before, InvoiceChanges after, boolean overwrite) {
		return before.number() + ": customer '" + before.customerName() + "' -> '" + after.customerName() + "', status "
				+ before.status().value() + " -> " + after.status().value() + ", total "
				+ before.total().toPlainString() + " -> " + after.total().toPlainString() + ", " + after.lines().size()
				+ " line(s), issued " + after.issuedOn() + ", due " + after.dueOn() + (overwrite ? " (overwrite)" : "");
	}

}
