package io.ledgerline.invoices.write;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.ledgerline.audit.AuditLog;
import io.ledgerline.idempotency.IdempotencyKey;
import io.ledgerline.idempotency.IdempotentCreates;
import io.ledgerline.summary.SummaryRepository;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.NotFoundException;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceRepository;
import io.ledgerline.invoices.InvoiceSearchIndex;
import io.ledgerline.invoices.NewInvoice;
import io.ledgerline.invoices.InvoiceNumbers;

/**
 * Creates an invoice with the write discipline of every invoice mutation: number, row,
 * lines, summary delta and {@code invoice.create} audit row in one transaction, which
 * also asks for the list and summary invalidations; the commit binding runs them right
 * after the commit and drops them on a rollback. Members and admins of the active org may
 * create. With a one-time key, a create runs at most once ({@link IdempotentCreates}): a
 * resubmit answers with the invoice the first one made.
 */
@Service
public class InvoiceCreation {

	private final InvoiceNumbers numbers;

	private final InvoiceRepository invoices;

	private final SummaryRepository summaries;

	private final AuditLog audit;

	private final InvoiceInvalidation invalidation;

	private final IdempotentCreates creates;

	private final InvoiceSearchIndex searchIndex;

	private final Clock clock;

	InvoiceCreation(InvoiceNumbers numbers, InvoiceRepository invoices, SummaryRepository summaries, AuditLog audit,
			InvoiceInvalidation invalidation, IdempotentCreates creates, InvoiceSearchIndex searchIndex, Clock clock) {
		this.numbers = numbers;
		this.invoices = invoices;
		this.summaries = summaries;
		this.audit = audit;
		this.invalidation = invalidation;
		this.creates = creates;
		this.searchIndex = searchIndex;
		this.clock = clock;
	}

	/**
	 * The invoice created, or ({@code replayed}) the one an earlier request with the same
	 * key created, as it is now.
	 */
	public IdempotentCreates.Outcome<Invoice> create(ActingUser actor, NewInvoice invoice,
			Optional<IdempotencyKey> key) {
		return creates.once(actor, "invoice", key, () -> {
			Invoice created = write(actor, invoice);
			invalidation.afterCreate(actor.orgId());
			return created;
		}, Invoice::id, id -> invoices.find(actor.orgId(), id)
			.orElseThrow(() -> new NotFoundException("The invoice this key created was not found.")));
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
		searchIndex.add(orgId, id, number, invoice.customerName());
		summaries.applyDelta(orgId, 1, invoice.total());
		audit.record(orgId, actor.userId(), "invoice.create", "invoice", Long.toString(id),
				number + " for '" + invoice.customerName() + "', " + invoice.lines().size() + " line(s), total "
						+ invoice.total().toPlainString() + ", " + invoice.status().value());
		return invoices.find(orgId, id).orElseThrow();
	}

}
