package io.ledgerline.comments;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.audit.AuditLog;
import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceReads;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ValidationException;

/**
 * What the comments feature offers: a thread's pages and the idempotent post. Both
 * authorize first, exactly as the detail page does: the invoice must be in the acting
 * user's org and visible to them (a soft-deleted one exists for admins only), otherwise
 * it is not found and nothing is read or stored.
 */
@Service
public class CommentService {

	static final String AUDIT_ACTION = "comment.create";

	private final CommentRepository comments;

	private final InvoiceReads invoices;

	private final AuditLog audit;

	private final TagCache cache;

	private final CommentFaults faults;

	private final ObjectProvider<CommentPostPause> pause;

	private final TransactionTemplate tx;

	private final Clock clock;

	CommentService(CommentRepository comments, InvoiceReads invoices, AuditLog audit, TagCache cache,
			CommentFaults faults, ObjectProvider<CommentPostPause> pause, TransactionTemplate tx, Clock clock) {
		this.comments = comments;
		this.invoices = invoices;
		this.audit = audit;
		this.cache = cache;
		this.faults = faults;
		this.pause = pause;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * One page of the thread, newest first. Not cached: the thread is polled for other
	 * people's posts, and the keyset read is one short index range scan.
	 */
	CommentPage page(ActingUser actor, long invoiceId, CommentCursor after, int limit) {
		invoices.uncached(actor, invoiceId);
		return pageOf(actor.orgId(), invoiceId, after, limit);
	}

	/**
	 * One page of the thread with the invoice it belongs to: the page that shows older
	 * comments without JavaScript. Not cached, as {@link #page}.
	 */
	OlderComments older(ActingUser actor, long invoiceId, CommentCursor after) {
		Invoice invoice = invoices.uncached(actor, invoiceId);
		return new OlderComments(invoice, pageOf(actor.orgId(), invoiceId, after, PageLimit.DEFAULT));
	}

	record OlderComments(Invoice invoice, CommentPage page) {
	}

	/**
	 * The count and the first page, for an invoice the caller has already found visible:
	 * what the detail page shows (cached there under the invoice's record tag, which
	 * every post updates).
	 */
	ThreadStart start(Invoice invoice) {
		return new ThreadStart(comments.count(invoice.orgId(), invoice.id()),
				pageOf(invoice.orgId(), invoice.id(), null, PageLimit.DEFAULT));
	}

	/** How many comments a thread has, and its newest page. */
	record ThreadStart(long count, CommentPage firstPage) {
	}

	/**
	 * Stores the comment with its audit row in one transaction and expires the invoice's
	 * record after the commit. Posting the same clientId again stores nothing and answers
	 * with the stored comment; a clientId that names any other comment (another author's,
	 * another invoice's, another org's) is refused without revealing it.
	 */
	CommentView post(ActingUser actor, long invoiceId, NewComment comment) {
		pause.ifAvailable(hook -> hook.beforePost(actor.orgId(), invoiceId));
		return tx.execute(status -> store(actor, invoiceId, comment));
	}

	private CommentView store(ActingUser actor, long invoiceId, NewComment comment) {
		Invoice invoice = invoices.uncached(actor, invoiceId);
		if (faults.takeFailure(actor.orgId())) {
			throw new IllegalStateException("Injected failure: the inspector armed 'fail next comment'.");
		}
		var existing = comments.find(comment.clientId());
		if (existing.isPresent()) {
			return repeat(actor, invoiceId, existing.get());
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (!comments.insertIfAbsent(comment.clientId(), actor.orgId(), invoiceId, actor.userId(), comment.body(),
				now)) {
			// The same clientId committed by a concurrent request between find and
			// insert.
			return repeat(actor, invoiceId, comments.find(comment.clientId()).orElseThrow());
		}
		audit.record(actor.orgId(), actor.userId(), AUDIT_ACTION, "comment", comment.clientId().toString(),
				"on " + invoice.number() + " (" + comment.body().length() + " characters)");
		// Bound to the commit: expires the record (and with it the count) only if this
		// comment is stored.
		cache.updateTag(InvoiceTags.record(actor.orgId(), invoiceId));
		return comments.find(comment.clientId()).orElseThrow().view();
	}

	private static CommentView repeat(ActingUser actor, long invoiceId, Comment existing) {
		if (!existing.isRepeatOf(actor.orgId(), invoiceId, actor.userId())) {
			throw new ValidationException(Map.of("clientId",
					"This clientId already names another comment; " + "generate a new one for a new comment."));
		}
		return existing.view();
	}

	private CommentPage pageOf(String orgId, long invoiceId, CommentCursor after, int limit) {
		List<Comment> rows = comments.page(orgId, invoiceId, after, limit + 1);
		if (rows.size() <= limit) {
			return new CommentPage(rows.stream().map(Comment::view).toList(), null);
		}
		List<Comment> page = rows.subList(0, limit);
		return new CommentPage(page.stream().map(Comment::view).toList(),
				CommentCursor.after(page.get(limit - 1)).encode());
	}

}
