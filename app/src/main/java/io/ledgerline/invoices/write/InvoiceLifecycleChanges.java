package io.ledgerline.invoices.write;

import java.math.BigDecimal;
import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ledgerline.audit.AuditLog;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceConflictException;
import io.ledgerline.invoices.InvoiceRepository;
import io.ledgerline.invoices.LifecycleAction;
import io.ledgerline.summary.SummaryRepository;
import io.ledgerline.tenancy.ActingUser;

/**
 * Archive, restore and (admin-only, soft) delete: one routine, as the three differ only
 * in the rules {@link LifecycleAction} names. The same discipline as every invoice write:
 * preconditions (tenancy, lifecycle, version) in the UPDATE, summary delta, audit row and
 * cache invalidations in one transaction; a refusal changes, invalidates and logs
 * nothing.
 */
@Service
public class InvoiceLifecycleChanges {

	private final InvoiceRepository invoices;

	private final SummaryRepository summaries;

	private final AuditLog audit;

	private final InvoiceInvalidation invalidation;

	private final Clock clock;

	InvoiceLifecycleChanges(InvoiceRepository invoices, SummaryRepository summaries, AuditLog audit,
			InvoiceInvalidation invalidation, Clock clock) {
		this.invoices = invoices;
		this.summaries = summaries;
		this.audit = audit;
		this.invalidation = invalidation;
		this.clock = clock;
	}

	/**
	 * The invoice after {@code action}, or a conflict (409 with the row) that wrote
	 * nothing.
	 */
	@Transactional
	public Invoice apply(LifecycleAction action, ActingUser actor, long id, long expectedVersion) {
		if (action.adminOnly()) {
			actor.requireAdmin(action.verb() + " invoices");
		}
		Invoice before = WriteLookups.lockVisible(invoices, actor, id);
		if (!invoices.transition(actor.orgId(), id, action, expectedVersion, clock.instant())) {
			throw refusal(before, action, expectedVersion);
		}
		int activeDelta = action.activeDelta(before);
		summaries.applyDelta(actor.orgId(), activeDelta, before.total().multiply(BigDecimal.valueOf(activeDelta)));
		audit.record(actor.orgId(), actor.userId(), action.auditAction(), "invoice", Long.toString(id),
				before.number() + " " + action.pastTense());
		invalidation.afterChange(actor.orgId(), id);
		return WriteLookups.reload(invoices, actor, id);
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

}
