package io.ledgerline.bench;

import io.ledgerline.bench.InvoiceDataGenerator.DataSet;
import io.ledgerline.bench.InvoiceDataGenerator.Settings;
import io.ledgerline.invoices.InvoiceColumns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Does page {@code k} of the invoice list cost what page 1 costs? One operation fetches
 * one page of {@value #PAGE_SIZE} active invoices of one org, newest first, on a real
 * PostgreSQL, and reads every column of every row, the way the app's repository maps
 * them:
 *
 * <ul>
 * <li>{@code keyset}: the app's list query ({@code InvoiceRepository.page} with the
 * active view),
 * {@code WHERE org_id = ? AND id < ? AND <active> ORDER BY id DESC LIMIT 26}: the cursor
 * is the last id of the previous page, and the 26th row only tells whether a next page
 * exists.
 * <li>{@code offset}: the same page the classic way,
 * {@code ORDER BY id DESC LIMIT 25 OFFSET
 *       (k-1)*25}, for contrast.
 * </ul>
 *
 * <p>
 * Each trial builds the data set afresh with {@link InvoiceDataGenerator} (the app's own
 * V1 DDL in schema {@code ledgerline_bench}), finds the cursor of page {@code k} once,
 * checks that both queries return the same 25 rows, and at the end prints
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of both queries at that page, as a prepared
 * statement runs them after it has settled on a plan, then drops the schema. Every thread
 * reuses one connection and its two prepared statements, as a connection pool would.
 * Connection settings: see {@link InvoiceDataGenerator}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ListPagingBenchmark {

	static final int PAGE_SIZE = 25;

	/**
	 * The app's column list (what InvoiceRepository selects) and its active-view
	 * predicate (InvoiceView.ACTIVE, written in InvoiceRepository.predicate).
	 */
	static final String COLUMNS = InvoiceColumns.ALL;
	static final String ACTIVE = "archived_at IS NULL AND deleted_at IS NULL";

	/** Parameters: org, id to continue below, limit (page size + 1). */
	static final String KEYSET_SQL = "SELECT " + COLUMNS + " FROM invoices WHERE org_id = ? AND id < ? AND " + ACTIVE
			+ " ORDER BY id DESC LIMIT ?";

	/** Parameters: org, limit (page size), offset. */
	static final String OFFSET_SQL = "SELECT " + COLUMNS + " FROM invoices WHERE org_id = ? AND " + ACTIVE
			+ " ORDER BY id DESC LIMIT ? OFFSET ?";

	/**
	 * Which page, counting from 1 (newest first); 9000 is about 95% of the way down at
	 * the default size.
	 */
	@Param({ "1", "100", "1000", "9000" })
	public int page;

	/** Invoices in each of the two orgs; about 5% of them archived. */
	@Param({ "" + InvoiceDataGenerator.DEFAULT_INVOICES_PER_ORG })
	public int invoicesPerOrg;

	Settings settings;

	/**
	 * The keyset cursor of the page: the id of the previous page's last row
	 * ({@code Long.MAX_VALUE} for page 1).
	 */
	long beforeId;

	/** The OFFSET of the page. */
	int offset;

	@Setup(Level.Trial)
	public void buildDataSet() throws SQLException {
		if (page < 1) {
			throw new IllegalArgumentException("page counts from 1: " + page);
		}
		settings = Settings.fromEnvironment();
		DataSet dataSet = InvoiceDataGenerator.generate(settings, invoicesPerOrg);
		System.out.println("[bench] " + dataSet);
		long pages = dataSet.activeInOrg() / PAGE_SIZE;
		if (page > pages) {
			throw new IllegalArgumentException("page " + page + " does not exist: " + InvoiceDataGenerator.ORG + " has "
					+ dataSet.activeInOrg() + " active invoices, " + pages + " full pages; raise invoicesPerOrg");
		}
		offset = (page - 1) * PAGE_SIZE;
		try (Connection c = settings.connect()) {
			beforeId = page == 1 ? Long.MAX_VALUE : lastIdOfPreviousPage(c);
			checkBothQueriesReturnTheSamePage(c);
		}
		System.out.printf("[bench] page %,d: keyset cursor id < %,d, OFFSET %,d%n", page, beforeId, offset);
	}

	/**
	 * Walking the pages one by one would find the same id; counting down the active rows
	 * is quicker.
	 */
	private long lastIdOfPreviousPage(Connection c) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
				"SELECT id FROM invoices WHERE org_id = ? AND " + ACTIVE + " ORDER BY id DESC LIMIT 1 OFFSET ?")) {
			ps.setString(1, InvoiceDataGenerator.ORG);
			ps.setInt(2, offset - 1);
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("no row at offset " + (offset - 1));
				}
				return rs.getLong(1);
			}
		}
	}

	private void checkBothQueriesReturnTheSamePage(Connection c) throws SQLException {
		List<Long> keysetIds = new ArrayList<>();
		List<Long> offsetIds = new ArrayList<>();
		try (PreparedStatement keyset = c.prepareStatement(KEYSET_SQL);
				PreparedStatement offsetQuery = c.prepareStatement(OFFSET_SQL)) {
			bindKeyset(keyset);
			ids(keyset, keysetIds);
			bindOffset(offsetQuery);
			ids(offsetQuery, offsetIds);
		}
		if (keysetIds.size() != PAGE_SIZE + 1 || offsetIds.size() != PAGE_SIZE
				|| !keysetIds.subList(0, PAGE_SIZE).equals(offsetIds)) {
			throw new IllegalStateException(
					"keyset and OFFSET disagree on page " + page + ": " + keysetIds + " vs " + offsetIds);
		}
	}

	private static void ids(PreparedStatement ps, List<Long> into) throws SQLException {
		try (ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				into.add(rs.getLong(1));
			}
		}
	}

	void bindKeyset(PreparedStatement ps) throws SQLException {
		ps.setString(1, InvoiceDataGenerator.ORG);
		ps.setLong(2, beforeId);
		ps.setInt(3, PAGE_SIZE + 1);
	}

	void bindOffset(PreparedStatement ps) throws SQLException {
		ps.setString(1, InvoiceDataGenerator.ORG);
		ps.setInt(2, PAGE_SIZE);
		ps.setInt(3, offset);
	}

	/**
	 * Prints both plans as a reused prepared statement runs them (six executions first,
	 * so PostgreSQL has made its custom-or-generic choice, as it has for the benchmark's
	 * statements), then drops the schema.
	 */
	@TearDown(Level.Trial)
	public void explainAndDrop(BenchmarkParams params) throws SQLException {
		try (Connection c = settings.connect(); Statement st = c.createStatement()) {
			String org = "'" + InvoiceDataGenerator.ORG + "'";
			st.execute("PREPARE keyset_page(varchar, bigint, int) AS " + numbered(KEYSET_SQL));
			st.execute("PREPARE offset_page(varchar, int, int) AS " + numbered(OFFSET_SQL));
			String keysetArgs = "(" + org + ", " + beforeId + ", " + (PAGE_SIZE + 1) + ")";
			String offsetArgs = "(" + org + ", " + PAGE_SIZE + ", " + offset + ")";
			StringBuilder out = new StringBuilder("\n");
			for (String[] query : new String[][] { { "keyset_page", keysetArgs }, { "offset_page", offsetArgs } }) {
				for (int i = 0; i < 6; i++) {
					st.execute("EXECUTE " + query[0] + query[1]);
				}
				String explain = "EXPLAIN (ANALYZE, BUFFERS) EXECUTE " + query[0] + query[1];
				out.append("[bench] ")
					.append(params.getBenchmark())
					.append(" page=")
					.append(page)
					.append(": ")
					.append(explain)
					.append('\n');
				try (ResultSet rs = st.executeQuery(explain)) {
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

	/** JDBC's {@code ?} placeholders as PREPARE's {@code $1, $2, ...}. */
	private static String numbered(String sql) {
		StringBuilder out = new StringBuilder();
		int n = 0;
		for (char ch : sql.toCharArray()) {
			if (ch == '?') {
				out.append('$').append(++n);
			}
			else {
				out.append(ch);
			}
		}
		return out.toString();
	}

	/**
	 * One connection and its two prepared statements per benchmark thread, kept for the
	 * whole trial.
	 */
	@State(Scope.Thread)
	public static class Session {

		Connection connection;

		PreparedStatement keyset;

		PreparedStatement offset;

		@Setup(Level.Trial)
		public void open(ListPagingBenchmark bench) throws SQLException {
			connection = bench.settings.connect();
			keyset = connection.prepareStatement(KEYSET_SQL);
			offset = connection.prepareStatement(OFFSET_SQL);
		}

		/**
		 * Prints how PostgreSQL planned this connection's two statements (custom: planned
		 * again each time).
		 */
		@TearDown(Level.Trial)
		public void close() throws SQLException {
			try (Statement st = connection.createStatement();
					ResultSet rs = st
						.executeQuery("SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements"
								+ " WHERE statement LIKE '%FROM invoices%' ORDER BY statement")) {
				StringBuilder out = new StringBuilder("\n");
				while (rs.next()) {
					String query = rs.getString(1).contains("OFFSET") ? "offset" : "keyset";
					out.append(String
						.format("[bench] the measured %s statement on the server: %,d generic plans, %,d custom"
								+ " plans%n", query, rs.getLong(2), rs.getLong(3)));
				}
				System.out.print(out);
			}
			finally {
				connection.close();
			}
		}

	}

	@Benchmark
	public int keyset(Session session, Blackhole bh) throws SQLException {
		bindKeyset(session.keyset);
		return readPage(session.keyset, bh);
	}

	@Benchmark
	public int offset(Session session, Blackhole bh) throws SQLException {
		bindOffset(session.offset);
		return readPage(session.offset, bh);
	}

	/**
	 * Runs the query and reads every column of every row by name, with the types the
	 * app's row mapper ({@code InvoiceRepository.map}) asks for. By name, as the app
	 * reads them: {@link InvoiceColumns#ALL} may change order or grow (reading by
	 * position broke this benchmark when {@code due_on} joined the list).
	 */
	static int readPage(PreparedStatement ps, Blackhole bh) throws SQLException {
		int rows = 0;
		try (ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				bh.consume(rs.getLong("id"));
				bh.consume(rs.getString("org_id"));
				bh.consume(rs.getString("invoice_number"));
				bh.consume(rs.getString("customer_name"));
				bh.consume(rs.getString("status"));
				bh.consume(rs.getBigDecimal("total"));
				bh.consume(rs.getObject("issued_on", LocalDate.class));
				bh.consume(rs.getObject("due_on", LocalDate.class));
				bh.consume(rs.getLong("version"));
				for (String timestamp : TIMESTAMPS) {
					bh.consume(rs.getObject(timestamp, OffsetDateTime.class));
				}
				rows++;
			}
		}
		return rows;
	}

	private static final String[] TIMESTAMPS = { "created_at", "updated_at", "archived_at", "deleted_at" };

}
