package io.ledgerline.caching;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.config.Timestamps;
import io.ledgerline.tagcache.InvalidationEvent;
import io.ledgerline.tagcache.InvalidationListener;

/**
 * Persists every invalidation the cache reports. The cache reports only after an
 * invalidation took effect, and that is usually inside a just-committed transaction's
 * afterCommit callback, where the old connection is still bound but will never commit
 * again: hence a transaction of its own.
 */
public class InvalidationLog implements InvalidationListener {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	InvalidationLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void onInvalidation(InvalidationEvent event) {
		ownTransaction.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO invalidation_log (primitive, target, is_path, source, profile, instance, occurred_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(event.primitive().label(), event.target(), event.isPath(), event.source().label(), event.profile(),
					event.instance(), Timestamps.toDb(event.at()))
			.update());
	}

	/**
	 * The newest entries one org may see: its own tags and the (org-less) page paths;
	 * never another org's tags, which name its invoices.
	 */
	public List<InvalidationLogEntry> recentFor(String orgId, int limit) {
		String prefix = OrgTags.prefix(orgId);
		return jdbc.sql("""
				SELECT id, primitive, target, is_path, source, profile, instance, occurred_at
				FROM invalidation_log WHERE is_path = TRUE OR LEFT(target, ?) = ?
				ORDER BY id DESC LIMIT ?""")
			.params(prefix.length(), prefix, limit)
			.query((rs, n) -> new InvalidationLogEntry(rs.getLong("id"), rs.getString("primitive"),
					rs.getString("target"), rs.getBoolean("is_path"), rs.getString("source"), rs.getString("profile"),
					rs.getString("instance"), Timestamps.fromDb(rs, "occurred_at")))
			.list();
	}

}
