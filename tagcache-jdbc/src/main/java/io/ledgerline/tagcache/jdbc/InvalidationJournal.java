package io.ledgerline.tagcache.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import io.ledgerline.tagcache.InvalidationIntent;
import io.ledgerline.tagcache.TagInvalidation;

/**
 * The {@code invalidation_journal} table: appended in the writer's transaction, pruned to
 * a retention window ({@link JournalPruner}), with the highest pruned position kept in
 * {@code invalidation_journal_pruned}. The tables are in
 * {@code META-INF/tagcache/jdbc/schema.sql} (PostgreSQL and H2).
 *
 * <p>
 * Appends and reads run on the {@link JournalConnections current connection}; a prune
 * batch runs in a transaction of its own, on a connection taken from the
 * {@link DataSource}. Timestamps are {@code TIMESTAMP WITH TIME ZONE}, bound as
 * {@link OffsetDateTime} (JDBC 4.2), which both PostgreSQL and H2 accept.
 */
public final class InvalidationJournal {

	private final DataSource dataSource;

	private final JournalConnections connections;

	private InvalidationJournal(DataSource dataSource, JournalConnections connections) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.connections = Objects.requireNonNull(connections, "connections");
	}

	/**
	 * A journal whose appends take a connection of their own and commit by themselves:
	 * for code without transactions around its writes (or for tests).
	 */
	public static InvalidationJournal of(DataSource dataSource) {
		return new InvalidationJournal(dataSource, JournalConnections.of(dataSource));
	}

	/**
	 * A journal whose appends and reads run on {@code current}'s connection (the writer's
	 * transaction), and whose prunes take connections of their own from
	 * {@code dataSource}.
	 */
	public static InvalidationJournal of(DataSource dataSource, JournalConnections current) {
		return new InvalidationJournal(dataSource, current);
	}

	/**
	 * Appends one row per intent on the current connection (so in its transaction).
	 * @return the highest position written
	 */
	public long append(List<InvalidationIntent> intents, String origin, Instant at) {
		Objects.requireNonNull(intents, "intents");
		Objects.requireNonNull(origin, "origin");
		Objects.requireNonNull(at, "at");
		return onCurrent("Appending to the invalidation journal", connection -> {
			long last = 0;
			try (PreparedStatement insert = connection.prepareStatement("""
					INSERT INTO invalidation_journal (tag, kind, stale_window_ms, origin, occurred_at)
					VALUES (?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
				for (InvalidationIntent intent : intents) {
					insert.setString(1, toColumn(intent.tag()));
					insert.setString(2, intent.kind().name());
					if (intent.staleWindow() == null) {
						insert.setNull(3, Types.BIGINT);
					}
					else {
						insert.setLong(3, intent.staleWindow().toMillis());
					}
					insert.setString(4, origin);
					insert.setObject(5, toColumn(at));
					insert.executeUpdate();
					try (ResultSet key = insert.getGeneratedKeys()) {
						key.next();
						last = Math.max(last, key.getLong("seq"));
					}
				}
			}
			return last;
		});
	}

	/**
	 * The highest position written, or pruned if that is higher (the table may be empty).
	 */
	public long head() {
		return onCurrent("Reading the journal's head", connection -> single(connection, """
				SELECT GREATEST((SELECT COALESCE(MAX(seq), 0) FROM invalidation_journal),
				                (SELECT through_seq FROM invalidation_journal_pruned WHERE id = 1))"""));
	}

	/** The highest position ever pruned: a row at or below it may be gone. */
	public long prunedThrough() {
		return onCurrent("Reading the journal's pruned position",
				connection -> single(connection, "SELECT through_seq FROM invalidation_journal_pruned WHERE id = 1"));
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
		return onCurrent("Reading the invalidation journal", connection -> select(connection,
				"seq, tag, kind, stale_window_ms, origin, occurred_at", seq, gaps, rs -> {
					long window = rs.getLong("stale_window_ms");
					Duration staleWindow = rs.wasNull() ? null : Duration.ofMillis(window);
					return new Row(rs.getLong("seq"), fromColumn(rs.getString("tag")),
							TagInvalidation.Kind.valueOf(rs.getString("kind")), staleWindow, rs.getString("origin"),
							instant(rs, "occurred_at"));
				}));
	}

	/** The positions {@link #after(long, Collection)} would return, without the rows. */
	List<Position> positionsAfter(long seq, Collection<Long> gaps) {
		return onCurrent("Reading the invalidation journal's positions", connection -> select(connection,
				"seq, occurred_at", seq, gaps, rs -> new Position(rs.getLong("seq"), instant(rs, "occurred_at"))));
	}

	private static <T> List<T> select(Connection connection, String columns, long seq, Collection<Long> gaps,
			RowReader<T> reader) throws SQLException {
		String sql = "SELECT " + columns + " FROM invalidation_journal WHERE seq > ?";
		if (!gaps.isEmpty()) {
			// Two index lookups rather than one OR, which H2 would answer with a scan.
			sql += " UNION ALL SELECT " + columns + " FROM invalidation_journal WHERE seq IN ("
					+ String.join(", ", Collections.nCopies(gaps.size(), "?")) + ")";
		}
		try (PreparedStatement select = connection.prepareStatement(sql + " ORDER BY seq")) {
			select.setLong(1, seq);
			int index = 2;
			for (long gap : gaps) {
				select.setLong(index++, gap);
			}
			return list(select, reader);
		}
	}

	/**
	 * Deletes up to {@code limit} rows that occurred before {@code cutoff}, oldest first
	 * and after {@code after} (the previous batch's last row, or {@code null}), and
	 * raises the pruned position to the highest one deleted, on {@code connection}: run
	 * it in a transaction, so the rows and the position change together. Only the deleted
	 * rows are locked: appends insert new positions and never wait for it.
	 * @return the batch (the next one starts after its last row), or {@code null} if no
	 * row was left
	 */
	PrunedBatch prune(Connection connection, Instant cutoff, int limit, PrunedBatch after, Instant now)
			throws SQLException {
		// Each batch starts after the previous one in the occurred_at index: the rows it
		// deleted stay in the index until a vacuum, and starting from the bottom every
		// time would walk them all again (quadratic on a backlog).
		StringBuilder sql = new StringBuilder(
				"SELECT seq, occurred_at FROM invalidation_journal WHERE occurred_at < ?");
		List<Object> params = new ArrayList<>(List.of(toColumn(cutoff)));
		if (after != null) {
			sql.append(" AND occurred_at >= ? AND (occurred_at, seq) > (?, ?)");
			params.addAll(List.of(toColumn(after.lastOccurredAt()), toColumn(after.lastOccurredAt()), after.lastSeq()));
		}
		sql.append(" ORDER BY occurred_at, seq LIMIT ?");
		params.add(limit);
		List<Position> doomed;
		try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
			bind(select, params);
			doomed = list(select, rs -> new Position(rs.getLong("seq"), instant(rs, "occurred_at")));
		}
		if (doomed.isEmpty()) {
			return null;
		}
		int deleted;
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM invalidation_journal WHERE seq IN ("
				+ String.join(", ", Collections.nCopies(doomed.size(), "?")) + ")")) {
			bind(delete, doomed.stream().<Object>map(Position::seq).toList());
			deleted = delete.executeUpdate();
		}
		Position last = doomed.get(doomed.size() - 1);
		long highest = doomed.stream().mapToLong(Position::seq).max().orElseThrow();
		try (PreparedStatement raise = connection.prepareStatement("""
				UPDATE invalidation_journal_pruned SET through_seq = GREATEST(through_seq, ?), pruned_at = ?
				WHERE id = 1""")) {
			bind(raise, List.of(highest, toColumn(now)));
			raise.executeUpdate();
		}
		return new PrunedBatch(last.occurredAt(), last.seq(), doomed.size(), deleted);
	}

	/**
	 * Runs {@code work} in a transaction of its own, on a connection from the data source
	 * (never the writer's): committed if it returns, rolled back if it throws.
	 */
	<T> T inOwnTransaction(String what, SqlWork<T> work) {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				T result = work.run(connection);
				connection.commit();
				return result;
			}
			catch (SQLException | RuntimeException failed) {
				connection.rollback();
				throw failed;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException e) {
			throw new JournalException(what, e);
		}
	}

	private <T> T onCurrent(String what, SqlWork<T> work) {
		try {
			Connection connection = connections.acquire();
			try {
				return work.run(connection);
			}
			finally {
				connections.release(connection);
			}
		}
		catch (SQLException e) {
			throw new JournalException(what, e);
		}
	}

	private static long single(Connection connection, String sql) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
			if (!rs.next()) {
				throw new SQLException("no row in invalidation_journal_pruned: was the journal's schema applied?");
			}
			return rs.getLong(1);
		}
	}

	private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
		for (int i = 0; i < params.size(); i++) {
			statement.setObject(i + 1, params.get(i));
		}
	}

	private static <T> List<T> list(PreparedStatement select, RowReader<T> reader) throws SQLException {
		List<T> rows = new ArrayList<>();
		try (ResultSet rs = select.executeQuery()) {
			while (rs.next()) {
				rows.add(reader.read(rs));
			}
		}
		return rows;
	}

	private static OffsetDateTime toColumn(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
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

	/** Work on one connection. */
	@FunctionalInterface
	interface SqlWork<T> {

		T run(Connection connection) throws SQLException;

	}

	@FunctionalInterface
	private interface RowReader<T> {

		T read(ResultSet rs) throws SQLException;

	}

	/**
	 * One batch of {@link #prune}: its last row (the next batch starts after it), how
	 * many rows it selected (fewer than the limit: none are left) and deleted (fewer only
	 * if another prune got some first).
	 */
	record PrunedBatch(Instant lastOccurredAt, long lastSeq, int selected, int deleted) {
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
