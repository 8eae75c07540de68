package io.ledgerline.summary;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.ledgerline.config.Timestamps;

/**
 * The stored per-org summary row. Mutations apply deltas inside their own transaction
 * (O(1), and the writer sees their own change on the redirect); {@link #recompute}
 * rebuilds it from the invoices for reconciliation.
 */
@Repository
public class SummaryRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	SummaryRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public OrgSummary find(String orgId) {
		return jdbc.sql("SELECT org_id, active_count, active_total FROM org_invoice_summaries WHERE org_id = ?")
			.param(orgId)
			.query((rs, n) -> new OrgSummary(rs.getString("org_id"), rs.getLong("active_count"),
					rs.getBigDecimal("active_total")))
			.optional()
			.orElseGet(() -> new OrgSummary(orgId, 0, new BigDecimal("0.00")));
	}

	boolean orgExists(String orgId) {
		return jdbc.sql("SELECT COUNT(*) FROM orgs WHERE id = ?").param(orgId).query(Long.class).single() > 0;
	}

	/** Every org, for the reconciliation schedule. */
	List<String> orgIds() {
		return jdbc.sql("SELECT id FROM orgs ORDER BY id").query(String.class).list();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void applyDelta(String orgId, long countDelta, BigDecimal totalDelta) {
		if (countDelta == 0 && totalDelta.signum() == 0) {
			return;
		}
		int updated = jdbc.sql("""
				UPDATE org_invoice_summaries
				SET active_count = active_count + ?, active_total = active_total + ?, updated_at = ?
				WHERE org_id = ?""").params(countDelta, totalDelta, Timestamps.toDb(clock.instant()), orgId).update();
		if (updated == 0) {
			// No row yet (an org created outside the seed): build it from the source of
			// truth.
			recompute(orgId);
		}
	}

	/** Rebuilds the org's row from its invoices; creates it when missing. */
	@Transactional
	public OrgSummary recompute(String orgId) {
		store(countActive(orgId));
		return find(orgId);
	}

	/**
	 * The org's active invoices (neither archived nor deleted), counted and summed in one
	 * statement, served by the index {@code invoices_org_active_totals}.
	 */
	RecomputeResult countActive(String orgId) {
		return jdbc.sql("""
				SELECT COUNT(*) AS active_count, COALESCE(SUM(total), 0) AS active_total
				FROM invoices WHERE org_id = ? AND deleted_at IS NULL AND archived_at IS NULL""")
			.param(orgId)
			.query((rs, n) -> new RecomputeResult(orgId, rs.getLong("active_count"),
					rs.getBigDecimal("active_total").setScale(2)))
			.single();
	}

	/** Writes the org's row (one per org: created the first time, replaced after). */
	void store(RecomputeResult totals) {
		jdbc.sql(
				"""
						MERGE INTO org_invoice_summaries s
						USING (VALUES (CAST(? AS VARCHAR(40)), CAST(? AS BIGINT), CAST(? AS NUMERIC(16, 2)),
						               CAST(? AS TIMESTAMP WITH TIME ZONE))) AS v (org_id, active_count, active_total, updated_at)
						ON s.org_id = v.org_id
						WHEN MATCHED THEN UPDATE SET active_count = v.active_count, active_total = v.active_total,
						                             updated_at = v.updated_at
						WHEN NOT MATCHED THEN INSERT (org_id, active_count, active_total, updated_at)
						                      VALUES (v.org_id, v.active_count, v.active_total, v.updated_at)""")
			.params(totals.orgId(), totals.activeCount(), totals.activeTotal(), Timestamps.toDb(clock.instant()))
			.update();
	}

}
