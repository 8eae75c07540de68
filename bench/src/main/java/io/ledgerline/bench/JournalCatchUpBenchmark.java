package io.ledgerline.bench;

import io.ledgerline.bench.InvoiceDataGenerator.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a causal token's catch-up costs in the database: one read of the invalidation
 * journal as {@code JournalFollower.catchUp} does it, on a real PostgreSQL, with the
 * journal holding {@code rows} rows and the instance {@code behind} positions behind its
 * head (the token's write and those since). Each operation runs the read and then the
 * pruned position's, and reads every column of every row as the app maps them:
 *
 * <ul>
 * <li>{@code lookBack}: before, every catch-up re-read the 1,000 positions below its
 * position too ({@code WHERE seq > position - 1000}), because a row may commit after a
 * higher one.
 * <li>{@code seek}: now, the rows above the position and the {@value #GAPS} gap positions
 * below it that have not appeared ({@code WHERE seq > ? UNION ALL ... WHERE seq IN (?,
 * ?)}), two primary-key lookups.
 * </ul>
 *
 * <p>
 * The trial builds the journal afresh (the app's migrations for it, in schema
 * {@code ledgerline_bench_journal} unless {@code LEDGERLINE_BENCH_SCHEMA} names another
 * {@code ledgerline_bench…}), deletes the gap positions (rolled back), and drops the
 * schema at the end. Connection settings: see {@link InvoiceDataGenerator}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class JournalCatchUpBenchmark {

	static final int LOOKBACK = 1_000;

	static final int GAPS = 2;

	static final String COLUMNS = "seq, tag, kind, stale_window_ms, origin, occurred_at";

	static final String LOOKBACK_SQL = "SELECT " + COLUMNS + " FROM invalidation_journal WHERE seq > ? ORDER BY seq";

	static final String SEEK_SQL = "SELECT " + COLUMNS + " FROM invalidation_journal WHERE seq > ? UNION ALL SELECT "
			+ COLUMNS + " FROM invalidation_journal WHERE seq IN (?, ?) ORDER BY seq";

	static final String PRUNED_SQL = "SELECT through_seq FROM invalidation_journal_pruned WHERE id = 1";

	@Param({ "100000" })
	public int rows;

	/** Rows above the instance's position when the token arrives. */
	@Param({ "1", "10" })
	public int behind;

	Settings settings;

	long position;

	long[] gaps = new long[GAPS];

	@Setup(Level.Trial)
	public void buildJournal() throws SQLException, IOException {
		Settings env = Settings.fromEnvironment();
		String schema = env.schema().equals(InvoiceDataGenerator.DEFAULT_SCHEMA) ? "ledgerline_bench_journal"
				: env.schema();
		settings = new Settings(env.url(), env.user(), env.password(), schema, env.migration());
		Path migrations = env.migration().getParent();
		long started = System.nanoTime();
		try (Connection c = settings.connect(); Statement st = c.createStatement()) {
			st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			st.execute("CREATE SCHEMA " + schema);
			for (String file : new String[] { "V7__invalidation_journal.sql",
					"V13_2__invalidation_journal_retention.sql" }) {
				for (String sql : InvoiceDataGenerator.statements(Files.readString(migrations.resolve(file)))) {
					st.execute(sql);
				}
			}
		}
		fill();
		try (Connection c = settings.connect(); Statement st = c.createStatement()) {
			long head;
			try (ResultSet rs = st.executeQuery("SELECT max(seq) FROM invalidation_journal")) {
				rs.next();
				head = rs.getLong(1);
			}
			position = head - behind;
			gaps[0] = position - 7;
			gaps[1] = position - 19;
			st.execute("DELETE FROM invalidation_journal WHERE seq IN (" + gaps[0] + ", " + gaps[1] + ")");
			st.execute("VACUUM (ANALYZE) invalidation_journal");
		}
		System.out.printf("[bench] journal of %,d rows built in %.1f s; position %,d, %d behind, gaps at %d and %d%n",
				rows, (System.nanoTime() - started) / 1e9, position, behind, gaps[0], gaps[1]);
	}

	/** Tags and origins shaped like the app's: page tags start with SOH in the column. */
	private void fill() throws SQLException {
		Properties batched = new Properties();
		batched.setProperty("reWriteBatchedInserts", "true");
		Instant start = Instant.parse("2026-12-06T08:00:00Z");
		try (Connection c = settings.connect(batched);
				PreparedStatement ps = c.prepareStatement(
						"INSERT INTO invalidation_journal (tag, kind, stale_window_ms, origin, occurred_at) VALUES (?, ?, ?, ?, ?)")) {
			c.setAutoCommit(false);
			for (int i = 0; i < rows; i++) {
				boolean stale = i % 10 == 0;
				ps.setString(1, i % 3 == 0 ? "\u0001page:org-" + (i % 50) + ":/invoices"
						: "org:org-" + (i % 50) + ":invoice:" + (i % 5_000));
				ps.setString(2, stale ? "STALE" : "EXPIRE");
				if (stale) {
					ps.setLong(3, 30_000);
				}
				else {
					ps.setNull(3, Types.BIGINT);
				}
				ps.setString(4, "instance-" + (8081 + i % 3));
				ps.setObject(5, OffsetDateTime.ofInstant(start.plusMillis(i * 40L), ZoneOffset.UTC));
				ps.addBatch();
				if (i % 1_000 == 999) {
					ps.executeBatch();
				}
			}
			ps.executeBatch();
			c.commit();
		}
	}

	/**
	 * Prints what each read costs the server whatever the machine's load: rows and
	 * buffers, from {@code EXPLAIN (ANALYZE, BUFFERS)}; then drops the schema.
	 */
	@TearDown(Level.Trial)
	public void explainAndDrop() throws SQLException {
		try (Connection c = settings.connect(); Statement st = c.createStatement()) {
			StringBuilder out = new StringBuilder("\n");
			String[][] reads = { { "lookBack", LOOKBACK_SQL.replace("?", Long.toString(position - LOOKBACK)) },
					{ "seek",
							SEEK_SQL.replaceFirst("\\?", Long.toString(position))
								.replaceFirst("\\?", Long.toString(gaps[0]))
								.replaceFirst("\\?", Long.toString(gaps[1])) } };
			for (String[] read : reads) {
				out.append("[bench] ")
					.append(read[0])
					.append(" behind=")
					.append(behind)
					.append(": ")
					.append(read[1])
					.append('\n');
				try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + read[1])) {
					while (rs.next()) {
						out.append("[bench]   ").append(rs.getString(1)).append('\n');
					}
				}
			}
			System.out.print(out);
		}
		finally {
			InvoiceDataGenerator.drop(settings);
		}
	}

	/** One connection and its prepared statements per thread, as a pool would keep. */
	@State(Scope.Thread)
	public static class Session {

		Connection connection;

		PreparedStatement lookBack;

		PreparedStatement seek;

		PreparedStatement pruned;

		@Setup(Level.Trial)
		public void open(JournalCatchUpBenchmark bench) throws SQLException {
			connection = bench.settings.connect();
			lookBack = connection.prepareStatement(LOOKBACK_SQL);
			seek = connection.prepareStatement(SEEK_SQL);
			pruned = connection.prepareStatement(PRUNED_SQL);
		}

		@TearDown(Level.Trial)
		public void close() throws SQLException {
			connection.close();
		}

	}

	@Benchmark
	public int lookBack(Session session, Blackhole bh) throws SQLException {
		session.lookBack.setLong(1, Math.max(0, position - LOOKBACK));
		return read(session.lookBack, bh) + prunedThrough(session, bh);
	}

	@Benchmark
	public int seek(Session session, Blackhole bh) throws SQLException {
		session.seek.setLong(1, position);
		session.seek.setLong(2, gaps[0]);
		session.seek.setLong(3, gaps[1]);
		return read(session.seek, bh) + prunedThrough(session, bh);
	}

	private static int prunedThrough(Session session, Blackhole bh) throws SQLException {
		try (ResultSet rs = session.pruned.executeQuery()) {
			rs.next();
			bh.consume(rs.getLong(1));
		}
		return 0;
	}

	/** Every column, with the types the app's row mapper asks for. */
	static int read(PreparedStatement ps, Blackhole bh) throws SQLException {
		int count = 0;
		try (ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				bh.consume(rs.getLong("seq"));
				bh.consume(rs.getString("tag").replace('\u0001', '\u0000'));
				bh.consume(rs.getString("kind"));
				bh.consume(rs.getLong("stale_window_ms"));
				bh.consume(rs.wasNull());
				bh.consume(rs.getString("origin"));
				bh.consume(rs.getObject("occurred_at", OffsetDateTime.class));
				count++;
			}
		}
		return count;
	}

}
