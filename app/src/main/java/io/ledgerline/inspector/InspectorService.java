package io.ledgerline.inspector;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

import io.ledgerline.audit.AuditLog;
import io.ledgerline.caching.FetchedAt;
import io.ledgerline.comments.CommentFaults;
import io.ledgerline.caching.InvalidationLog;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceEdit;
import io.ledgerline.invoices.InvoiceDetail;
import io.ledgerline.invoices.InvoicePage;
import io.ledgerline.invoices.InvoiceReads;
import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.invoices.InvoiceView;
import io.ledgerline.inspector.InspectorPage.AuditRow;
import io.ledgerline.inspector.InspectorPage.InvalidationRow;
import io.ledgerline.inspector.InspectorPage.JobRunRow;
import io.ledgerline.summary.OrgSummary;
import io.ledgerline.summary.SummaryJobs;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.invoices.LifecycleAction;
import io.ledgerline.invoices.write.InvoiceEditing;
import io.ledgerline.invoices.write.InvoiceLifecycleChanges;

/**
 * What the inspector shows and what its buttons do. The buttons are thin drivers of the
 * real flows: they pick an invoice of the acting user's active org and call
 * {@link InvoiceEditing} and {@link InvoiceLifecycleChanges} as that user, so
 * authorization, preconditions, audit and invalidation are exactly those of the app's own
 * screens.
 */
@Service
@Profile("demo")
class InspectorService {

	static final int LOG_TAIL = 25;

	static final int AUDIT_TAIL = 15;

	static final int JOB_RUNS_TAIL = 10;

	private static final BigDecimal EDIT_STEP = new BigDecimal("1.00");

	private final InvoiceReads reads;

	private final InvoiceEditing editing;

	private final InvoiceLifecycleChanges lifecycle;

	private final ListInvalidationMisuse misuse;

	private final InvoiceDrift drift;

	private final TagCache cache;

	private final InvalidationLog invalidations;

	private final AuditLog audit;

	private final SummaryJobs summaryJobs;

	private final CommentFaults commentFaults;

	InspectorService(InvoiceReads reads, InvoiceEditing editing, InvoiceLifecycleChanges lifecycle,
			ListInvalidationMisuse misuse, InvoiceDrift drift, TagCache cache, InvalidationLog invalidations,
			AuditLog audit, SummaryJobs summaryJobs, CommentFaults commentFaults) {
		this.reads = reads;
		this.editing = editing;
		this.lifecycle = lifecycle;
		this.misuse = misuse;
		this.drift = drift;
		this.cache = cache;
		this.invalidations = invalidations;
		this.audit = audit;
		this.summaryJobs = summaryJobs;
		this.commentFaults = commentFaults;
	}

	InspectorPage page(ActingUser me) {
		Cached<InvoicePage> list = reads.list(me, InvoiceView.ACTIVE, null);
		Cached<OrgSummary> summary = reads.summary(me.orgId());
		Invoice target = null;
		Cached<InvoiceDetail> record = null;
		if (!list.value().rows().isEmpty()) {
			record = reads.record(me, list.value().rows().get(0).id());
			target = record.value().invoice();
		}
		FetchedAt fetched = FetchedAt.of(list.fetchedAt(), record == null ? null : record.fetchedAt(),
				summary.fetchedAt());
		return new InspectorPage(fetched, summary.value(), target, misuse.isOn(me.orgId()),
				invalidationTail(me.orgId()), auditTail(me.orgId()), DemoIdentitySwitch.DEMO_USERS,
				jobRunsTail(me.orgId()));
	}

	/**
	 * Calls updateTag on a real tag from a GET (never an action) and returns the cache's
	 * refusal. The refusal is the point: nothing is invalidated and nothing is logged.
	 */
	String updateTagOutsideAction(ActingUser me) {
		try {
			cache.updateTag(InvoiceTags.list(me.orgId()));
			return "updateTag was not refused: this request unexpectedly runs inside an action.";
		}
		catch (IllegalStateException refused) {
			return refused.getMessage();
		}
	}

	/**
	 * Enqueues the summary recompute for the active org; it runs on the job runner, and
	 * its totals land on a later visit (stale-while-revalidate).
	 */
	ButtonOutcome runSummary(ActingUser me) {
		// As in the app (the recompute button on the invoice list): admins only.
		me.requireAdmin("run the summary task");
		return ButtonOutcome.done(switch (summaryJobs.enqueue(me.orgId())) {
			case QUEUED -> "Summary recompute queued for " + me.active().orgName()
					+ ": the next visit after it ran shows the old totals, the one after the new ones.";
			case QUEUED_AFTER_RUNNING -> "A recompute is running; one more is queued after it.";
			case ALREADY_QUEUED -> "A summary recompute is already queued: this trigger joins it.";
		});
	}

	/**
	 * The misuse toggle changes how every edit in the org is invalidated, for everyone in
	 * it: an org-wide switch, so admins only (like the summary task and delete).
	 */
	ButtonOutcome toggleMisuse(ActingUser me) {
		me.requireAdmin("turn the misuse demo on or off");
		boolean on = misuse.toggle(me.orgId());
		return ButtonOutcome.done(on ? "Misuse on: the edit action now revalidates the list instead of updating it."
				: "Misuse off: the edit action updates all three tags again.");
	}

	/**
	 * Arms the org's next comment post, whoever sends it, to fail with 500: an org-wide
	 * switch, so admins only.
	 */
	ButtonOutcome failNextComment(ActingUser me) {
		me.requireAdmin("make the next comment fail");
		commentFaults.failNextPost(me.orgId());
		return ButtonOutcome
			.done("The next comment posted in " + me.active().orgName() + " will fail with 500; nothing is stored.");
	}

	/** The real edit flow on the newest active invoice: its total goes up by 1.00. */
	ButtonOutcome editNewest(ActingUser me) {
		Optional<Invoice> target = newestActive(me);
		if (target.isEmpty()) {
			return nothingActive(me, "edit");
		}
		Invoice before = target.get();
		Invoice after = editing.update(me, before.id(),
				InvoiceEdit.totalOnly(before.customerName(), before.status(), before.total().add(EDIT_STEP)),
				before.version(), false);
		String message = after.number() + " total " + before.total().toPlainString() + " → "
				+ after.total().toPlainString() + ".";
		return ButtonOutcome.done(misuse.isOn(me.orgId())
				? message + " Misuse is on, so this list still shows the old amount." : message);
	}

	ButtonOutcome archiveNewest(ActingUser me) {
		Optional<Invoice> target = newestActive(me);
		if (target.isEmpty()) {
			return nothingActive(me, "archive");
		}
		Invoice archived = lifecycle.apply(LifecycleAction.ARCHIVE, me, target.get().id(), target.get().version());
		return ButtonOutcome.done(archived.number() + " archived.");
	}

	ButtonOutcome restoreMostRecentlyArchived(ActingUser me) {
		Optional<Invoice> target = mostRecentlyArchived(me);
		if (target.isEmpty()) {
			return ButtonOutcome.refused("Nothing to restore: " + me.active().orgName() + " has no archived invoice.");
		}
		Invoice restored = lifecycle.apply(LifecycleAction.RESTORE, me, target.get().id(), target.get().version());
		return ButtonOutcome.done(restored.number() + " restored.");
	}

	/** Admin-only like any delete: the service refuses a member (403). */
	ButtonOutcome deleteNewest(ActingUser me) {
		Optional<Invoice> target = newestActive(me);
		if (target.isEmpty()) {
			return nothingActive(me, "delete");
		}
		Invoice deleted = lifecycle.apply(LifecycleAction.DELETE, me, target.get().id(), target.get().version());
		return ButtonOutcome.done(deleted.number() + " deleted.");
	}

	ButtonOutcome forceDrift(ActingUser me, long id) {
		Invoice drifted = drift.drift(me, id);
		return ButtonOutcome.done(drifted.number() + " is now at version " + drifted.version()
				+ ": a form opened before this will get a conflict.");
	}

	/**
	 * Chosen from the cached list, then re-read from the database: with misuse on the
	 * list may be stale, and acting on a stale version would only demonstrate a conflict.
	 */
	private Optional<Invoice> newestActive(ActingUser me) {
		return reads.list(me, InvoiceView.ACTIVE, null)
			.value()
			.rows()
			.stream()
			.findFirst()
			.map(row -> reads.uncached(me, row.id()));
	}

	private Optional<Invoice> mostRecentlyArchived(ActingUser me) {
		return reads.mostRecentlyArchived(me);
	}

	private static ButtonOutcome nothingActive(ActingUser me, String verb) {
		return ButtonOutcome.refused("Nothing to " + verb + ": " + me.active().orgName() + " has no active invoice.");
	}

	private List<InvalidationRow> invalidationTail(String orgId) {
		return invalidations.recentFor(orgId, LOG_TAIL)
			.stream()
			.map(e -> new InvalidationRow(e.target(), e.path(), e.primitive(), e.source(), e.profile(), e.instance(),
					FetchedAt.format(e.occurredAt())))
			.toList();
	}

	private List<JobRunRow> jobRunsTail(String orgId) {
		return summaryJobs.recentRuns(orgId, JOB_RUNS_TAIL)
			.stream()
			.map(r -> new JobRunRow(r.job(), FetchedAt.format(r.startedAt()), r.durationMs(), r.outcome(),
					r.detail() != null ? r.detail() : r.activeCount() + " active, " + r.activeTotal().toPlainString()))
			.toList();
	}

	private List<AuditRow> auditTail(String orgId) {
		return audit.recent(orgId, AUDIT_TAIL)
			.stream()
			.map(e -> new AuditRow(e.action(), e.actorEmail(), e.subjectType() + " " + e.subjectId(), e.detail(),
					FetchedAt.format(e.occurredAt())))
			.toList();
	}

}
