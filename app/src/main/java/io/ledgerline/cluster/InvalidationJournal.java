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

/** The {@code invalidation_journal} table: appended in the writer's transaction. */
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

	long head() {
		return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM invalidation_journal").query(Long.class).single();
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
