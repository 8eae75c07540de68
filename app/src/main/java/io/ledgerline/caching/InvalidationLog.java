package io.ledgerline.caching;

import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.ledgerline.config.Timestamps;
import io.ledgerline.tagcache.InvalidationEvent;
import io.ledgerline.tagcache.InvalidationListener;

/**
 * Persists every invalidation the cache reports. The cache reports only after an
 * invalidation took effect (so a throwing invalidation never leaves a row claiming
 * success), and that is usually inside a just-committed transaction's afterCommit
 * callback, on a request thread that still holds its pool connection. Borrowing a second
 * one from that pool there deadlocks as soon as every pooled connection belongs to such a
 * request; so the rows are written, in autocommit, through a small pool of their own
 * ({@code writes}) that nothing else uses and that never waits on the request pool.
 */
public class InvalidationLog implements InvalidationListener {

	private final JdbcClient reads;

	private final JdbcClient writes;

	/**
	 * @param reads the app's data source (the inspector's tail)
	 * @param writes a data source used only for these inserts, never the request pool
	 */
	private final Supplier<String> currentOrg;

	/**
	 * @param reads the app's data source (the inspector's tail)
	 * @param writes a data source used only for these inserts, never the request pool
	 * @param currentOrg the acting org of the request this runs in, or null outside one
	 */
	InvalidationLog(JdbcClient reads, DataSource writes, Supplier<String> currentOrg) {
		this.reads = reads;
		this.writes = JdbcClient.create(writes);
		this.currentOrg = currentOrg;
	}

	@Override
	public void onInvalidation(InvalidationEvent event) {
		writes
			.sql("""
					INSERT INTO invalidation_log (primitive, target, is_path, source, profile, instance, occurred_at, org_id)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(event.primitive().label(), event.target(), event.isPath(), event.source().label(), event.profile(),
					event.instance(), Timestamps.toDb(event.at()), orgOf(event))
			.update();
	}

	/** A tag names its org; a path is the acting org's, when there is one. */
	private String orgOf(InvalidationEvent event) {
		String target = event.target();
		if (!event.isPath() && target.startsWith("org:")) {
			int end = target.indexOf(':', "org:".length());
			if (end > 0) {
				return target.substring("org:".length(), end);
			}
		}
		return currentOrg.get();
	}

	/**
	 * The newest entries one org may see: those made for it, and of the rows made for no
	 * org in particular the page paths and its own tags; never another org's entries.
	 */
	public List<InvalidationLogEntry> recentFor(String orgId, int limit) {
		String prefix = OrgTags.prefix(orgId);
		return reads.sql("""
				SELECT id, primitive, target, is_path, source, profile, instance, occurred_at
				FROM invalidation_log
				WHERE org_id = ? OR (org_id IS NULL AND (is_path = TRUE OR LEFT(target, ?) = ?))
				ORDER BY id DESC LIMIT ?""")
			.params(orgId, prefix.length(), prefix, limit)
			.query((rs, n) -> new InvalidationLogEntry(rs.getLong("id"), rs.getString("primitive"),
					rs.getString("target"), rs.getBoolean("is_path"), rs.getString("source"), rs.getString("profile"),
					rs.getString("instance"), Timestamps.fromDb(rs, "occurred_at")))
			.list();
	}

}
