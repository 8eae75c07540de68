package io.ledgerline.inspector;

import java.time.Clock;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.ledgerline.audit.AuditLog;
import io.ledgerline.config.Timestamps;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceConflictException;
import io.ledgerline.invoices.write.InvoiceInvalidation;
import io.ledgerline.invoices.InvoiceReads;
import io.ledgerline.tenancy.ActingUser;

/**
 * TEACHING SURFACE: bumps an invoice's version as another tab's save would, so the
 * conflict paths can be shown on demand. Not an invoice feature, so it lives here and
 * exists only in the demo profile. It is still an honest write: scoped by org, refused on
 * a deleted row, audited, and invalidated like any change to one invoice (so a refreshed
 * page picks up the new version).
 */
@Component
@Profile("demo")
class InvoiceDrift {

	private final JdbcClient jdbc;

	private final InvoiceReads reads;

	private final InvoiceInvalidation invalidation;

	private final AuditLog audit;

	private final Clock clock;

	InvoiceDrift(JdbcClient jdbc, InvoiceReads reads, InvoiceInvalidation invalidation, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.reads = reads;
		this.invalidation = invalidation;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @return the invoice at its new version
	 */
	@Transactional
	Invoice drift(ActingUser actor, long id) {
		Invoice before = reads.uncached(actor, id);
		int bumped = jdbc.sql("""
				UPDATE invoices SET version = version + 1, updated_at = ?
				WHERE id = ? AND org_id = ? AND deleted_at IS NULL""")
			.params(Timestamps.toDb(clock.instant()), id, actor.orgId())
			.update();
		if (bumped != 1) {
			throw InvoiceConflictException.deleted(before);
		}
		audit.record(actor.orgId(), actor.userId(), "invoice.drift", "invoice", Long.toString(id),
				before.number() + " version bumped from " + before.version() + " by the inspector");
		invalidation.afterChange(actor.orgId(), id);
		return reads.uncached(actor, id);
	}

}
