package io.ledgerline.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.ledgerline.config.Timestamps;

/**
 * Who did what to which row. {@link #record} joins the caller's transaction and refuses
 * to run outside one: an audit row exists exactly when its mutation committed.
 */
@Service
public class AuditLog {

	private static final String SELECT_ENTRIES = """
			SELECT a.id, a.org_id, a.actor_id, u.email, a.action, a.subject_type, a.subject_id, a.detail, a.occurred_at
			FROM audit_log a JOIN users u ON u.id = a.actor_id
			""";

	private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getLong("id"),
			rs.getString("org_id"), rs.getLong("actor_id"), rs.getString("email"), rs.getString("action"),
			rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("detail"),
			Timestamps.fromDb(rs, "occurred_at"));

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String orgId, long actorId, String action, String subjectType, String subjectId, String detail) {
		jdbc.sql("""
				INSERT INTO audit_log (org_id, actor_id, action, subject_type, subject_id, detail, occurred_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(orgId, actorId, action, subjectType, subjectId, detail, Timestamps.toDb(clock.instant()))
			.update();
	}

	public List<AuditEntry> recent(String orgId, int limit) {
		return jdbc.sql(SELECT_ENTRIES + """
				WHERE a.org_id = ? ORDER BY a.id DESC LIMIT ?""").params(orgId, limit).query(ENTRY).list();
	}

	public List<AuditEntry> forSubject(String orgId, String subjectType, String subjectId) {
		return jdbc.sql(SELECT_ENTRIES + """
				WHERE a.org_id = ? AND a.subject_type = ? AND a.subject_id = ? ORDER BY a.id""")
			.params(orgId, subjectType, subjectId)
			.query(ENTRY)
			.list();
	}

}
