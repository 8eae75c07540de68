package io.ledgerline.bench;

import io.ledgerline.bench.InvoiceDataGenerator.Settings;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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
 * Does the last page of a 10,000-comment thread cost what its first page costs? One
 * operation reads one page of {@value #PAGE_SIZE} comments of one invoice, newest first,
 * on a real PostgreSQL, with the app's own statement ({@code CommentRepository.page}: the
 * join to the author's name, {@code (created_at, id) < (?, ?)} after the cursor,
 * {@code LIMIT 21}), and reads every column of every row. Sample-time mode, so JMH
 * reports percentiles (p99 is the number docs/BENCHMARKS.md quotes).
 *
 * <p>
 * Each trial drops and builds schema {@code ledgerline_bench_comments} with the app's
 * migrations (read from {@code app/src/main/resources/db/migration}), then fills it: the
 * measured thread has {@code commentsPerThread} comments, and two more threads of the
 * same size (another invoice of the same org, an invoice of another org) sit in the same
 * index, so the query has to be scoped to be right. Two comments share every millisecond,
 * so the id tie-break is exercised. Connection settings as for
 * {@link InvoiceDataGenerator} ({@code LEDGERLINE_BENCH_PG_URL}, …); the schema name is
 * {@code LEDGERLINE_BENCH_SCHEMA} when that starts with
 * {@code ledgerline_bench_comments}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class CommentPagingBenchmark {

	static final int PAGE_SIZE = 20;

	static final String SCHEMA = "ledgerline_bench_comments";

	/** The app's statement (CommentRepository.page with a cursor). */
	static final String PAGE_AFTER_SQL = """
			SELECT c.id, c.org_id, c.invoice_id, c.author_id, u.display_name, c.body, c.created_at
			FROM comments c JOIN users u ON u.id = c.author_id
			WHERE c.org_id = ? AND c.invoice_id = ? AND (c.created_at, c.id) < (?, ?)
			ORDER BY c.created_at DESC, c.id DESC LIMIT ?""";

	/** The app's statement for the first page (no cursor). */
	static final String FIRST_PAGE_SQL = """
			SELECT c.id, c.org_id, c.invoice_id, c.author_id, u.display_name, c.body, c.created_at
			FROM comments c JOIN users u ON u.id = c.author_id
			WHERE c.org_id = ? AND c.invoice_id = ?
			ORDER BY c.created_at DESC, c.id DESC LIMIT ?""";

	private static final String ORG = "bench-org-a";

	private static final String OTHER_ORG = "bench-org-b";

	private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00.000Z");

	/**
	 * {@code first} (no cursor) or {@code last} (the cursor of the thread's last page).
	 */
	@Param({ "first", "last" })
	public String page;

	@Param({ "10000" })
	public int commentsPerThread;

	Settings settings;

	long threadInvoice;

	/** The cursor of the measured page (null for the first). */
	OffsetDateTime cursorAt;

	UUID cursorId;

	Connection connection;

	PreparedStatement statement;

	@Setup(Level.Trial)
	public void buildThread() throws Exception {
		settings = settings();
		long started = System.nanoTime();
		build();
		System.out.printf("[bench] 3 threads of %,d comments built in %.1f s%n", commentsPerThread,
				(System.nanoTime() - started) / 1e9);
		connection = settings.connect();
		if (page.equals("last")) {
			findLastPageCursor();
			statement = connection.prepareStatement(PAGE_AFTER_SQL);
		}
		else if (page.equals("first")) {
			statement = connection.prepareStatement(FIRST_PAGE_SQL);
		}
		else {
			throw new IllegalArgumentException("page is first or last: " + page);
		}
		printPlan();
		int rows = readPage(null);
		int expected = page.equals("first") ? PAGE_SIZE + 1 : lastPageSize();
		if (rows != expected) {
			throw new IllegalStateException("page " + page + " read " + rows + " rows, expected " + expected);
		}
	}

	@Benchmark
	public int readOnePage(Blackhole sink) throws SQLException {
		return readPage(sink);
	}

	@TearDown(Level.Trial)
	public void drop() throws SQLException {
		statement.close();
		connection.close();
		try (Connection c = settings.connect(); Statement st = c.createStatement()) {
			st.execute("SET search_path TO public");
			st.execute("DROP SCHEMA IF EXISTS " + settings.schema() + " CASCADE");
		}
	}

	private int readPage(Blackhole sink) throws SQLException {
		statement.setString(1, ORG);
		statement.setLong(2, threadInvoice);
		if (cursorAt == null) {
			statement.setInt(3, PAGE_SIZE + 1);
		}
		else {
			statement.setObject(3, cursorAt);
			statement.setObject(4, cursorId);
			statement.setInt(5, PAGE_SIZE + 1);
		}
		int rows = 0;
		try (ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				rows++;
				Object[] row = { rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4),
						rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class) };
				if (sink != null) {
					sink.consume(row);
				}
			}
		}
		return rows;
	}

	/** How PostgreSQL runs the measured statement (the literals are the page's). */
	private void printPlan() throws SQLException {
		String sql = (cursorAt == null ? FIRST_PAGE_SQL : PAGE_AFTER_SQL).replaceFirst("\\?", "'" + ORG + "'")
			.replaceFirst("\\?", Long.toString(threadInvoice));
		if (cursorAt != null) {
			sql = sql.replaceFirst("\\?", "TIMESTAMPTZ '" + cursorAt + "'").replaceFirst("\\?", "'" + cursorId + "'");
		}
		sql = sql.replaceFirst("\\?", Integer.toString(PAGE_SIZE + 1));
		StringBuilder plan = new StringBuilder("[bench] EXPLAIN (ANALYZE, BUFFERS) page=" + page + "\n");
		try (Statement st = connection.createStatement();
				ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
			while (rs.next()) {
				plan.append("[bench]   ").append(rs.getString(1)).append('\n');
			}
		}
		System.out.print(plan);
	}

	private int lastPageSize() {
		int rest = commentsPerThread % PAGE_SIZE;
		return rest == 0 ? PAGE_SIZE : rest;
	}

	/** The (created_at, id) of the last comment shown on the page before the last. */
	private void findLastPageCursor() throws SQLException {
		int offset = commentsPerThread - lastPageSize() - 1;
		try (PreparedStatement ps = connection.prepareStatement("""
				SELECT created_at, id FROM comments WHERE org_id = ? AND invoice_id = ?
				ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?""")) {
			ps.setString(1, ORG);
			ps.setLong(2, threadInvoice);
			ps.setInt(3, offset);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				cursorAt = rs.getObject(1, OffsetDateTime.class);
				cursorId = rs.getObject(2, UUID.class);
			}
		}
	}

	/** An invoice a thread hangs on: its data plays no part in the measurement. */
	private static Map<String, Object> threadInvoice(long id, String org, String number) {
		LocalDate issued = LocalDate.of(2024, 1, 1);
		OffsetDateTime at = FIRST.atOffset(ZoneOffset.UTC);
		Map<String, Object> row = new HashMap<>();
		row.put("id", id);
		row.put("org_id", org);
		row.put("invoice_number", number);
		row.put("customer_name", "C");
		row.put("status", "sent");
		row.put("total", new BigDecimal("1.00"));
		row.put("issued_on", issued);
		row.put("due_on", issued.plusDays(InvoiceDataGenerator.PAYMENT_TERMS_DAYS));
		row.put("version", 1L);
		row.put("created_at", at);
		row.put("updated_at", at);
		row.put("archived_at", null);
		row.put("deleted_at", null);
		return row;
	}

	private static Settings settings() {
		Settings base = Settings.fromEnvironment();
		String schema = base.schema().startsWith(SCHEMA) ? base.schema() : SCHEMA;
		return new Settings(base.url(), base.user(), base.password(), schema, base.migration());
	}

	private void build() throws Exception {
		InvoiceDataGenerator.createTables(settings);
		Properties batched = new Properties();
		batched.setProperty("reWriteBatchedInserts", "true");
		try (Connection c = settings.connect(batched)) {
			c.setAutoCommit(false);
			try (Statement st = c.createStatement()) {
				OffsetDateTime at = FIRST.atOffset(ZoneOffset.UTC);
				st.execute("INSERT INTO orgs (id, name, created_at) VALUES ('" + ORG + "', 'A', '" + at + "'), ('"
						+ OTHER_ORG + "', 'B', '" + at + "')");
				st.execute("INSERT INTO users (id, email, display_name, password_hash) VALUES "
						+ "(1, 'a@bench.test', 'Author A', 'x'), (2, 'b@bench.test', 'Author B', 'x'),"
						+ " (3, 'c@bench.test', 'Author C', 'x')");
			}
			InvoiceDataGenerator.insertInvoices(c, List.of(threadInvoice(1, ORG, "INV-1"),
					threadInvoice(2, ORG, "INV-2"), threadInvoice(3, OTHER_ORG, "INV-1")));
			threadInvoice = 1;
			List<Object[]> threads = new ArrayList<>();
			threads.add(new Object[] { ORG, 1L });
			threads.add(new Object[] { ORG, 2L });
			threads.add(new Object[] { OTHER_ORG, 3L });
			try (PreparedStatement ps = c.prepareStatement("""
					INSERT INTO comments (id, org_id, invoice_id, author_id, body, created_at)
					VALUES (?, ?, ?, ?, ?, ?)""")) {
				for (int n = 0; n < commentsPerThread; n++) {
					// Two comments per millisecond, the three threads interleaved in
					// time.
					OffsetDateTime at = FIRST.plusMillis(n / 2).atOffset(ZoneOffset.UTC);
					for (Object[] thread : threads) {
						ps.setObject(1, UUID.randomUUID());
						ps.setString(2, (String) thread[0]);
						ps.setLong(3, (Long) thread[1]);
						ps.setLong(4, 1 + n % 3);
						ps.setString(5, "Comment " + n + " on the disputed line items, with a few words more.");
						ps.setObject(6, at);
						ps.addBatch();
					}
					if (n % 1_000 == 999) {
						ps.executeBatch();
					}
				}
				ps.executeBatch();
			}
			c.commit();
			c.setAutoCommit(true);
			try (Statement st = c.createStatement()) {
				st.execute("VACUUM (ANALYZE) comments");
				st.execute("VACUUM (ANALYZE) users");
			}
		}
	}

}
