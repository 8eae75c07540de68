package io.ledgerline.caching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.ledgerline.config.Timestamps;
import io.ledgerline.tagcache.InvalidationEvent;
import io.ledgerline.tagcache.InvalidationListener;

/**
 * The inspector's log of invalidations: the demo profile's teaching view, so it exists
 * only there (production writes pay nothing for it), and it keeps the newest
 * {@code keepPerOrg} entries of each org (rows older than that are deleted every
 * {@link #TRIM_EVERY} entries an org gets), so it stays flat however long the demo runs.
 *
 * <p>
 * The cache reports only after an invalidation took effect (so a throwing invalidation
 * never leaves a row claiming success), and that is usually inside a just-committed
 * transaction's afterCommit callback, on a request thread that still holds its pool
 * connection. Borrowing a second one from that pool there deadlocks as soon as every
 * pooled connection belongs to such a request; so the rows are written, in autocommit,
 * through a small pool of their own ({@code writes}) that nothing else uses and that
 * never waits on the request pool.
 */
public class InvalidationLog implements InvalidationListener {

	/** How many entries an org gets between two trims of its rows. */
	static final int TRIM_EVERY = 32;

	private final JdbcClient reads;

	private final JdbcClient writes;

	private final Supplier<String> currentOrg;

	private final int keepPerOrg;

	/**
	 * Entries written per org (the empty string for rows of no org) since its last trim.
	 */
	private final Map<String, AtomicInteger> sinceTrim = new ConcurrentHashMap<>();

	/**
	 * @param reads the app's data source (the inspector's tail)
	 * @param writes a data source used only for these inserts, never the request pool
	 * @param currentOrg the acting org of the request this runs in, or null outside one
	 * @param keepPerOrg how many of each org's newest entries are kept
	 */
	InvalidationLog(JdbcClient reads, DataSource writes, Supplier<String> currentOrg, int keepPerOrg) {
		if (keepPerOrg < 1) {
			throw new IllegalArgumentException("ledgerline.inspector.log-entries-per-org must be at least 1.");
		}
		this.reads = reads;
		this.writes = JdbcClient.create(writes);
		this.currentOrg = currentOrg;
		this.keepPerOrg = keepPerOrg;
	}

	@Override
	public void onInvalidation(InvalidationEvent event) {
		String orgId = orgOf(event);
		writes
			.sql("""
					INSERT INTO invalidation_log (primitive, target, is_path, source, profile, instance, occurred_at, org_id)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(event.primitive().label(), event.target(), event.isPath(), event.source().label(), event.profile(),
					event.instance(), Timestamps.toDb(event.at()), orgId)
			.update();
		AtomicInteger count = sinceTrim.computeIfAbsent(orgId == null ? "" : orgId, org -> new AtomicInteger());
		if (count.incrementAndGet() >= TRIM_EVERY) {
			count.set(0);
			trim(orgId);
		}
	}

	/** Deletes the org's rows below its newest {@code keepPerOrg} (by the org index). */
	void trim(String orgId) {
		String org = orgId == null ? "org_id IS NULL" : "org_id = :org";
		Map<String, Object> params = new HashMap<>();
		params.put("org", orgId);
		params.put("keep", keepPerOrg);
		writes.sql("SELECT id FROM invalidation_log WHERE " + org + " ORDER BY id DESC LIMIT 1 OFFSET :keep")
			.params(params)
			.query(Long.class)
			.optional()
			.ifPresent(oldestGone -> {
				params.put("cutoff", oldestGone);
				writes.sql("DELETE FROM invalidation_log WHERE " + org + " AND id <= :cutoff").params(params).update();
			});
	}

	/** A tag names its org; a path is the acting org's, when there is one. */
	private String orgOf(InvalidationEvent event) {
		if (event.isPath()) {
			return currentOrg.get();
		}
		return OrgTags.orgOf(event.target()).orElseGet(currentOrg);
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
