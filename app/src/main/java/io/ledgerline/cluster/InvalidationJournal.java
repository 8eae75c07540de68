package io.ledgerline.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
		return after(seq, List.of());
	}

	/**
	 * Rows above {@code seq} and rows at the {@code gaps} positions that have appeared,
	 * lowest first: a seek on the primary key, never a scan of what was read before.
	 */
	List<Row> after(long seq, Collection<Long> gaps) {
		return select("seq, tag, kind, stale_window_ms, origin, occurred_at", seq, gaps).query((rs, n) -> {
			long window = rs.getLong("stale_window_ms");
			Duration staleWindow = rs.wasNull() ? null : Duration.ofMillis(window);
			return new Row(rs.getLong("seq"), fromColumn(rs.getString("tag")),
					TagInvalidation.Kind.valueOf(rs.getString("kind")), staleWindow, rs.getString("origin"),
					Timestamps.fromDb(rs, "occurred_at"));
		}).list();
	}

	/** The positions {@link #after(long, Collection)} would return, without the rows. */
	List<Position> positionsAfter(long seq, Collection<Long> gaps) {
		return select("seq, occurred_at", seq, gaps)
			.query((rs, n) -> new Position(rs.getLong("seq"), Timestamps.fromDb(rs, "occurred_at")))
			.list();
	}

	private JdbcClient.StatementSpec select(String columns, long seq, Collection<Long> gaps) {
		String above = "SELECT " + columns + " FROM invalidation_journal WHERE seq > :seq";
		if (gaps.isEmpty()) {
			return jdbc.sql(above + " ORDER BY seq").param("seq", seq);
		}
		// Two index lookups rather than one OR, which H2 would answer with a scan.
		return jdbc
			.sql(above + " UNION ALL SELECT " + columns
					+ " FROM invalidation_journal WHERE seq IN (:gaps) ORDER BY seq")
			.param("seq", seq)
			.param("gaps", gaps);
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
	 * Deletes up to {@code limit} rows that occurred before {@code cutoff}, oldest first
	 * and after {@code after} (the previous batch's last row, or {@code null}), and
	 * raises the pruned position to the highest one deleted. Run it in a transaction, so
	 * the rows and the position change together. Only the deleted rows are locked:
	 * appends insert new positions and never wait for it.
	 * @return the batch (the next one starts after its last row), or {@code null} if no
	 * row was left
	 */
	PrunedBatch prune(Instant cutoff, int limit, PrunedBatch after, Instant now) {
		// Each batch starts after the previous one in the occurred_at index: the rows it
		// deleted stay in the index until a vacuum, and starting from the bottom every
		// time would walk them all again (quadratic on a backlog).
		StringBuilder sql = new StringBuilder(
				"SELECT seq, occurred_at FROM invalidation_journal WHERE occurred_at < ?");
		List<Object> params = new ArrayList<>(List.of(Timestamps.toDb(cutoff)));
		if (after != null) {
			sql.append(" AND occurred_at >= ? AND (occurred_at, seq) > (?, ?)");
			params.addAll(List.of(Timestamps.toDb(after.lastOccurredAt()), Timestamps.toDb(after.lastOccurredAt()),
					after.lastSeq()));
		}
		sql.append(" ORDER BY occurred_at, seq LIMIT ?");
		params.add(limit);
		List<Doomed> doomed = jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Doomed(rs.getLong("seq"), Timestamps.fromDb(rs, "occurred_at")))
			.list();
		if (doomed.isEmpty()) {
			return null;
		}
		List<Long> seqs = doomed.stream().map(Doomed::seq).toList();
		int deleted = jdbc.sql("DELETE FROM invalidation_journal WHERE seq IN (:seqs)").param("seqs", seqs).update();
		jdbc.sql("""
				UPDATE invalidation_journal_pruned SET through_seq = GREATEST(through_seq, ?), pruned_at = ?
				WHERE id = 1""")
			.params(seqs.stream().mapToLong(Long::longValue).max().orElseThrow(), Timestamps.toDb(now))
			.update();
		Doomed last = doomed.get(doomed.size() - 1);
		return new PrunedBatch(last.occurredAt(), last.seq(), doomed.size(), deleted);
	}

	private record Doomed(long seq, Instant occurredAt) {
	}

	/**
	 * One batch of {@link #prune}: its last row (the next batch starts after it), how
	 * many rows it selected (fewer than the limit: none are left) and deleted (fewer only
	 * if another prune got some first).
	 */
	record PrunedBatch(Instant lastOccurredAt, long lastSeq, int selected, int deleted) {
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

		Position position() {
			return new Position(seq, occurredAt);
		}

	}

	/** Where a row is in the journal, and when it was written (before its commit). */
	record Position(long seq, Instant occurredAt) {
	}

}
