package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ledgerline.audit.AuditEntry;
import io.ledgerline.audit.AuditLog;
import io.ledgerline.summary.SummaryRepository;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.NotFoundException;

/**
 * Invoice reads and the four mutations. Every mutation checks its three preconditions
 * (tenancy, lifecycle, version), applies the summary delta and writes its audit row in
 * one transaction, and asks for its cache invalidations there too (they run after the
 * commit); a refused precondition changes, invalidates and logs nothing.
 */
@Service
public class InvoiceService {

	public static final int PAGE_SIZE = 25;

	private final InvoiceRepository invoices;

	private final SummaryRepository summaries;

	private final AuditLog audit;

	private final InvoiceInvalidation invalidation;

	private final Clock clock;

	InvoiceService(InvoiceRepository invoices, SummaryRepository summaries, AuditLog audit,
			InvoiceInvalidation invalidation, Clock clock) {
		this.invoices = invoices;
		this.summaries = summaries;
		this.audit = audit;
		this.invalidation = invalidation;
		this.clock = clock;
	}

	/** The "all" view includes soft-deleted rows: admins only. */
	void authorizeView(ActingUser actor, InvoiceView view) {
		if (view == InvoiceView.ALL) {
			actor.requireAdmin("see deleted invoices");
		}
	}

	/**
	 * One keyset page below {@code beforeId}, with the cursor of the next page (null on
	 * the last).
	 */
	InvoicePage page(String orgId, InvoiceView view, long beforeId) {
		List<Invoice> rows = invoices.page(orgId, view, beforeId, PAGE_SIZE + 1);
		if (rows.size() <= PAGE_SIZE) {
			return new InvoicePage(rows, null);
		}
		List<Invoice> page = rows.subList(0, PAGE_SIZE);
		return new InvoicePage(List.copyOf(page), PageCursor.encode(page.get(PAGE_SIZE - 1).id()));
	}

	/** The invoice with its lines, whatever its lifecycle; callers check visibility. */
	InvoiceDetail detailOf(String orgId, long id) {
		Invoice invoice = invoices.find(orgId, id).orElseThrow(() -> notFound(id));
		return new InvoiceDetail(invoice, invoices.lines(id));
	}

	/** Deleted invoices are visible to admins only; to members they do not exist. */
	void checkVisible(ActingUser actor, Invoice invoice) {
		if (invoice.lifecycle() == Lifecycle.DELETED && !actor.isAdmin()) {
			throw notFound(invoice.id());
		}
	}

	/**
	 * The id of the invoice the actor's org numbers {@code number}, if the actor may see
	 * it.
	 */
	public Optional<Long> idOf(ActingUser actor, String number) {
		return invoices.idOfNumber(actor.orgId(), number)
			.flatMap(id -> invoices.find(actor.orgId(), id))
			.filter(invoice -> invoice.lifecycle() != Lifecycle.DELETED || actor.isAdmin())
			.map(Invoice::id);
	}

	/**
	 * The invoice as the actor may see it (straight from the database, not the cache).
	 */
	public Invoice get(ActingUser actor, long id) {
		Invoice invoice = invoices.find(actor.orgId(), id).orElseThrow(() -> notFound(id));
		checkVisible(actor, invoice);
		return invoice;
	}

	/** The org's invoice archived last (not deleted since), if any. */
	public Optional<Invoice> mostRecentlyArchived(ActingUser actor) {
		return invoices.mostRecentlyArchived(actor.orgId());
	}

	@Transactional
	public Invoice update(ActingUser actor, long id, InvoiceChanges changes, long expectedVersion, boolean overwrite) {
		if (overwrite) {
			// The hidden button is a convenience; this check is the security.
			actor.requireAdmin("overwrite changes made elsewhere");
		}
		Invoice before = invoices.lock(actor.orgId(), id).orElseThrow(() -> notFound(id));
		if (before.lifecycle() == Lifecycle.DELETED) {
			throw new InvoiceConflictException(before.number() + " was deleted and can no longer be edited.", before);
		}
		boolean written = invoices.update(actor.orgId(), id, changes, overwrite ? null : expectedVersion,
				clock.instant());
		if (!written) {
			throw new InvoiceConflictException(InvoiceConflictException.EDIT_CHANGED_ELSEWHERE, before);
		}
		if (before.isActive()) {
			summaries.applyDelta(actor.orgId(), 0, changes.total().subtract(before.total()));
		}
		audit.record(actor.orgId(), actor.userId(), "invoice.update", "invoice", Long.toString(id),
				describeUpdate(before, changes, overwrite));
		invalidation.afterEdit(actor.orgId(), id);
		return reload(actor, id);
	}

	/**
	 * The newest audit row of one invoice of the actor's org: who saved it last, and
	 * when.
	 */
	public Optional<AuditEntry> lastChange(ActingUser actor, long id) {
		List<AuditEntry> entries = audit.forSubject(actor.orgId(), "invoice", Long.toString(id));
		return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
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

	/**
	 * Inspector (demo) only: bumps the row's version as another tab's save would, so the
	 * conflict paths can be shown on demand. Invalidates like any write, so a refreshed
	 * page picks up the new version.
	 */
	@Transactional
	public Invoice forceDrift(ActingUser actor, long id) {
		Invoice before = invoices.lock(actor.orgId(), id).orElseThrow(() -> notFound(id));
		checkVisible(actor, before);
		if (before.lifecycle() == Lifecycle.DELETED) {
			throw new InvoiceConflictException(before.number() + " was deleted.", before);
		}
		invoices.bumpVersion(actor.orgId(), id, clock.instant());
		audit.record(actor.orgId(), actor.userId(), "invoice.drift", "invoice", Long.toString(id),
				before.number() + " version bumped from " + before.version() + " by the inspector");
		invalidation.afterChange(actor.orgId(), id);
		return reload(actor, id);
	}

	private Invoice transition(ActingUser actor, long id, LifecycleAction action, long expectedVersion) {
		if (action.adminOnly) {
			actor.requireAdmin(action.verb() + " invoices");
		}
		Invoice before = invoices.lock(actor.orgId(), id).orElseThrow(() -> notFound(id));
		if (before.lifecycle() == Lifecycle.DELETED && !actor.isAdmin()) {
			throw notFound(id);
		}
		if (!invoices.transition(actor.orgId(), id, action, expectedVersion, clock.instant())) {
			throw new InvoiceConflictException(refusal(before, action, expectedVersion), before);
		}
		int activeDelta = action.activeDelta(before);
		summaries.applyDelta(actor.orgId(), activeDelta, before.total().multiply(BigDecimal.valueOf(activeDelta)));
		audit.record(actor.orgId(), actor.userId(), action.auditAction(), "invoice", Long.toString(id),
				before.number() + " " + action.pastTense());
		invalidation.afterChange(actor.orgId(), id);
		return reload(actor, id);
	}

	private static String refusal(Invoice before, LifecycleAction action, long expectedVersion) {
		if (before.version() != expectedVersion) {
			return InvoiceConflictException.CHANGED_ELSEWHERE;
		}
		return switch (before.lifecycle()) {
			case DELETED -> before.number() + " was deleted.";
			case ARCHIVED -> before.number() + " is already archived.";
			case ACTIVE -> before.number() + " is not archived, so it cannot be " + action.pastTense() + ".";
		};
	}

	private Invoice reload(ActingUser actor, long id) {
		return invoices.find(actor.orgId(), id).orElseThrow(() -> notFound(id));
	}

	private static String describeUpdate(Invoice before, InvoiceChanges after, boolean overwrite) {
		return before.number() + ": customer '" + before.customerName() + "' -> '" + after.customerName() + "', status "
				+ before.status().value() + " -> " + after.status().value() + ", total "
				+ before.total().toPlainString() + " -> " + after.total().toPlainString()
				+ (overwrite ? " (overwrite)" : "");
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("Invoice " + id + " was not found.");
	}

}
