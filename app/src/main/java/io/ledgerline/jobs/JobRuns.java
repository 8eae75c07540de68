package io.ledgerline.jobs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.config.Timestamps;

/**
 * The log of recent job runs the inspector lists. Written in a transaction of its own,
 * after the job's own transaction ended, so a failed run is recorded although its work
 * rolled back.
 */
@Component
public class JobRuns {

	private static final int DETAIL_MAX = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	JobRuns(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public void done(String job, String orgId, Instant startedAt, long durationMs, long activeCount,
			BigDecimal activeTotal, String instance) {
		insert(job, orgId, startedAt, durationMs, JobRun.DONE, activeCount, activeTotal, null, instance);
	}

	public void failed(String job, String orgId, Instant startedAt, long durationMs, String detail, String instance) {
		insert(job, orgId, startedAt, durationMs, JobRun.FAILED, null, null, detail, instance);
	}

	/** The org's newest runs first. */
	public List<JobRun> recent(String orgId, int limit) {
		return jdbc.sql("""
				SELECT id, job, org_id, started_at, duration_ms, outcome, active_count, active_total, detail, instance
				FROM job_runs WHERE org_id = ? ORDER BY id DESC LIMIT ?""")
			.params(orgId, limit)
			.query((rs, n) -> new JobRun(rs.getLong("id"), rs.getString("job"), rs.getString("org_id"),
					Timestamps.fromDb(rs, "started_at"), rs.getLong("duration_ms"), rs.getString("outcome"),
					rs.getObject("active_count") == null ? null : rs.getLong("active_count"),
					rs.getBigDecimal("active_total"), rs.getString("detail"), rs.getString("instance")))
			.list();
	}

	private void insert(String job, String orgId, Instant startedAt, long durationMs, String outcome, Long count,
			BigDecimal total, String detail, String instance) {
		String shortDetail = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
		ownTransaction.executeWithoutResult(status -> jdbc
			.sql("""
					INSERT INTO job_runs (job, org_id, started_at, duration_ms, outcome, active_count, active_total, detail, instance)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(job, orgId, Timestamps.toDb(startedAt), durationMs, outcome, count, total, shortDetail, instance)
			.update());
	}

}
