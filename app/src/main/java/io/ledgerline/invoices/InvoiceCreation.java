package io.ledgerline.invoices;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.audit.AuditLog;
import io.ledgerline.summary.SummaryRepository;
import io.ledgerline.tenancy.ActingUser;

/**
 * Creates an invoice with the write discipline of every invoice mutation: number, row,
 * lines, summary delta and {@code invoice.create} audit row in one transaction; then,
 * once it has committed, the list and summary invalidations (none on a rollback, which
 * throws past them). Members and admins of the active org may create.
 *
 * <p>
 * The invalidations are asked for after the transaction has returned its connection, not
 * from inside it (where the commit binding would run them in afterCommit): the
 * invalidation log writes in a transaction of its own, and asked for inside ours it would
 * need a second connection while ours is still held. Creates in one org queue on the
 * numbering lock, so with as many concurrent creates as the pool has connections, every
 * connection would be held by a committed create waiting for one more, and the pool would
 * deadlock (until its 30 s timeout turned them all into errors).
 */
@Service
public class InvoiceCreation {

	private final InvoiceNumbers numbers;

	private final InvoiceRepository invoices;

	private final SummaryRepository summaries;

	private final AuditLog audit;

	private final InvoiceInvalidation invalidation;

	private final Clock clock;

	private final TransactionTemplate transaction;

	InvoiceCreation(InvoiceNumbers numbers, InvoiceRepository invoices, SummaryRepository summaries, AuditLog audit,
			InvoiceInvalidation invalidation, Clock clock, PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.numbers = numbers;
		this.invoices = invoices;
		this.summaries = summaries;
		this.audit = audit;
		this.invalidation = invalidation;
		this.clock = clock;
	}

	public Invoice create(ActingUser actor, NewInvoice invoice) {
		Invoice created = transaction.execute(status -> write(actor, invoice));
		invalidation.afterCreate(actor.orgId());
		return created;
	}

	private Invoice write(ActingUser actor, NewInvoice invoice) {
		String orgId = actor.orgId();
		Instant now = clock.instant();
		// The counter first: creates in one org queue here, before they touch the
		// summary row (which every invoice mutation locks after its own row), so the
		// lock order is the same everywhere and no two transactions wait on each other
		// in a circle.
		String number = numbers.next(orgId);
		long id = invoices.insert(orgId, number, invoice, now);
		summaries.applyDelta(orgId, 1, invoice.total());
		audit.record(orgId, actor.userId(), "invoice.create", "invoice", Long.toString(id),
				number + " for '" + invoice.customerName() + "', " + invoice.lines().size() + " line(s), total "
						+ invoice.total().toPlainString() + ", " + invoice.status().value());
		return invoices.find(orgId, id).orElseThrow();
	}

}
