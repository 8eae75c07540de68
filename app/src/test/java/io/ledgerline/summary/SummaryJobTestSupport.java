package io.ledgerline.summary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.ledgerline.config.Timestamps;

/**
 * What the summary job tests read and write straight in the database, never through the
 * app's own query code: the expected totals are summed here from the raw invoice rows.
 */
final class SummaryJobTestSupport {

	private final JdbcClient jdbc;

	SummaryJobTestSupport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Totals(long count, BigDecimal total) {
	}

	record StoredRow(long count, BigDecimal total, Instant updatedAt) {
	}

	/**
	 * Every invoice row of the org, summed here in Java: active = neither archived nor
	 * deleted.
	 */
	Totals expectedFromRawRows(String orgId) {
		long[] count = { 0 };
		BigDecimal[] total = { new BigDecimal("0.00") };
		jdbc.sql("SELECT total, archived_at, deleted_at FROM invoices WHERE org_id = ?").param(orgId).query(rs -> {
			if (rs.getObject("archived_at") == null && rs.getObject("deleted_at") == null) {
				count[0]++;
				total[0] = total[0].add(rs.getBigDecimal("total"));
			}
		});
		return new Totals(count[0], total[0].setScale(2));
	}

	int summaryRows(String orgId) {
		return jdbc.sql("SELECT COUNT(*) FROM org_invoice_summaries WHERE org_id = ?")
			.param(orgId)
			.query(Integer.class)
			.single();
	}

	StoredRow stored(String orgId) {
		return jdbc.sql("SELECT active_count, active_total, updated_at FROM org_invoice_summaries WHERE org_id = ?")
			.param(orgId)
			.query((rs, n) -> new StoredRow(rs.getLong("active_count"), rs.getBigDecimal("active_total"),
					Timestamps.fromDb(rs, "updated_at")))
			.single();
	}

	void corrupt(String orgId, long count, String total) {
		jdbc.sql("UPDATE org_invoice_summaries SET active_count = ?, active_total = ? WHERE org_id = ?")
			.params(count, new BigDecimal(total), orgId)
			.update();
	}

	void deleteSummary(String orgId) {
		jdbc.sql("DELETE FROM org_invoice_summaries WHERE org_id = ?").param(orgId).update();
	}

	void archive(long invoiceId, Instant at) {
		jdbc.sql("UPDATE invoices SET archived_at = ? WHERE id = ?")
			.params(at.atOffset(ZoneOffset.UTC), invoiceId)
			.update();
	}

	void delete(long invoiceId, Instant at) {
		jdbc.sql("UPDATE invoices SET deleted_at = ? WHERE id = ?")
			.params(at.atOffset(ZoneOffset.UTC), invoiceId)
			.update();
	}

	/** An invoice written behind the summary's back, as an import would. */
	void importInvoice(String orgId, String number, String total, Instant at) {
		jdbc.sql(
				"""
						INSERT INTO invoices (org_id, invoice_number, customer_name, status, total, issued_on, due_on, version, created_at, updated_at)
						VALUES (?, ?, 'Imported', 'sent', ?, DATE '2026-11-01', DATE '2026-12-01', 1, ?, ?)""")
			.params(orgId, number, new BigDecimal(total), at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC))
			.update();
	}

	long lastInvalidationId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM invalidation_log").query(Long.class).single();
	}

	/** Invalidation log rows after {@code id}: primitive, target, source, profile. */
	java.util.List<String> invalidationsSince(long id) {
		return jdbc.sql("SELECT primitive, target, source, profile FROM invalidation_log WHERE id > ? ORDER BY id")
			.param(id)
			.query((rs, n) -> rs.getString("primitive") + " " + rs.getString("target") + " " + rs.getString("source")
					+ " " + rs.getString("profile"))
			.list();
	}

	/** job_runs outcomes of the org, oldest first. */
	java.util.List<String> runOutcomes(String orgId) {
		return jdbc.sql("SELECT outcome FROM job_runs WHERE org_id = ? ORDER BY id")
			.param(orgId)
			.query(String.class)
			.list();
	}

	/**
	 * Task instances of the recompute waiting or running for the org (its follow-up too).
	 */
	java.util.List<String> pendingFor(String orgId) {
		return jdbc.sql(
				"SELECT task_instance FROM scheduled_tasks WHERE task_name = ? AND task_instance LIKE ? ORDER BY task_instance")
			.params(SummaryJobs.TASK, orgId + "%")
			.query(String.class)
			.list();
	}

	int consecutiveFailures(String instance) {
		return jdbc.sql("SELECT consecutive_failures FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
			.params(SummaryJobs.TASK, instance)
			.query(Integer.class)
			.single();
	}

}
