package io.ledgerline.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import io.ledgerline.config.Timestamps;
import io.ledgerline.tagcache.InvalidationIntent;
import io.ledgerline.tagcache.TagInvalidation;

/**
 * The {@code invalidation_journal} table: appended in the writer's transaction, pruned to
 * a retention window ({@link JournalPruner}), with the highest pruned position kept in
 * {@code invalidation_journal_pruned}.
 */
class InvalidationJournal {

	private final JdbcClient jdbc;

	InvalidationJournal(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Appends one row per intent on the caller's connection (so in its transaction).
	 * @return the highest position written
	 */
	long append(List<InvalidationIntent> intents, String origin, Instant at) {
		long last = 0;
		for (InvalidationIntent intent : intents) {
			KeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO invalidation_journal (tag, kind, stale_window_ms, origin, occurred_at)
					VALUES (?, ?, ?, ?, ?)""")
				.params(toColumn(intent.tag()), intent.kind().name(),
						intent.staleWindow() == null ? null : intent.staleWindow().toMillis(), origin,
						Timestamps.toDb(at))
				.update(key, "seq");
			last = Math.max(last, key.getKey().longValue());
		}
		return last;
	}

	/** Rows above {@code seq}, oldest first. */
	List<Row> after(long seq) {
		return jdbc.sql("""
				SELECT seq, tag, kind, stale_window_ms, origin, occurred_at
				FROM invalidation_journal WHERE seq > ? ORDER BY seq""").param(seq).query((rs, n) -> {
			long window = rs.getLong("stale_window_ms");
			Duration staleWindow = rs.wasNull() ? null : Duration.ofMillis(window);
			return new Row(rs.getLong("seq"), fromColumn(rs.getString("tag")),
					TagInvalidation.Kind.valueOf(rs.getString("kind")), staleWindow, rs.getString("origin"),
					Timestamps.fromDb(rs, "occurred_at"));
		}).list();
	}

	/**
	 * The highest position written, or pruned if that is higher (the table may be empty).
	 */
	long head() {
		return jdbc.sql("""
				SELECT GREATEST((SELECT COALESCE(MAX(seq), 0) FROM invalidation_journal),
				                (SELECT through_seq FROM invalidation_journal_pruned WHERE id = 1))""")
			.query(Long.class)
			.single();
	}

	/** The highest position ever pruned: a row at or below it may be gone. */
	long prunedThrough() {
		return jdbc.sql("SELECT through_seq FROM invalidation_journal_pruned WHERE id = 1").query(Long.class).single();
	}

	/**
	 * Deletes up to {@code limit} rows that occurred before {@code cutoff}, oldest first,
	 * and raises the pruned position to the highest one deleted. Run it in a transaction,
	 * so the rows and the position change together. Only the deleted rows are locked:
	 * appends insert new positions and never wait for it.
	 * @return how many rows were deleted
	 */
	int prune(Instant cutoff, int limit, Instant now) {
		List<Long> doomed = jdbc.sql("""
				SELECT seq FROM invalidation_journal WHERE occurred_at < ?
				ORDER BY occurred_at LIMIT ?""").params(Timestamps.toDb(cutoff), limit).query(Long.class).list();
		if (doomed.isEmpty()) {
			return 0;
		}
		int deleted = jdbc.sql("DELETE FROM invalidation_journal WHERE seq IN (:seqs)").param("seqs", doomed).update();
		jdbc.sql("""
				UPDATE invalidation_journal_pruned SET through_seq = GREATEST(through_seq, ?), pruned_at = ?
				WHERE id = 1""")
			.params(doomed.stream().mapToLong(Long::longValue).max().orElseThrow(), Timestamps.toDb(now))
			.update();
		return deleted;
	}

	/**
	 * The cache's page tags start with NUL, which PostgreSQL text cannot hold; tags never
	 * contain other control characters, so SOH stands in for it one-to-one.
	 */
	static String toColumn(String tag) {
		return tag.replace('\u0000', '\u0001');
	}

	static String fromColumn(String column) {
		return column.replace('\u0001', '\u0000');
	}

	record Row(long seq, String tag, TagInvalidation.Kind kind, Duration staleWindow, String origin,
			Instant occurredAt) {
	}

}
