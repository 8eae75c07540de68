package io.ledgerline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Builds the invoice data set the paging benchmark reads, in a schema of its own on a
 * real PostgreSQL: the schema is dropped and created again, the app's own V1 migration
 * (read from {@code app/src/main/resources/db/migration} at run time, so the tables and
 * indexes are exactly the app's) creates the tables in it, and two orgs get
 * {@code invoicesPerOrg} invoices each.
 *
 * <p>
 * The two orgs' invoices are interleaved one for one (odd ids belong to {@link #ORG},
 * even ids to {@link #OTHER_ORG}), so every list query has to be scoped by org to be
 * right, and about 5% of each org's invoices are archived (a fixed seed, so every run
 * builds the same rows). Rows go in through JDBC batches; a {@code VACUUM (ANALYZE)} and
 * a {@code CHECKPOINT} afterwards leave statistics, hint bits and dirty pages settled
 * before anything is measured.
 *
 * <p>
 * Settings (a system property wins over the environment variable, which wins over the
 * default):
 *
 * <ul>
 * <li>{@code ledgerline.bench.pg.url} / {@code LEDGERLINE_BENCH_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}
 * <li>{@code ledgerline.bench.pg.user} / {@code LEDGERLINE_BENCH_PG_USER}, default
 * {@code postgres}
 * <li>{@code ledgerline.bench.pg.password} / {@code LEDGERLINE_BENCH_PG_PASSWORD},
 * default none
 * <li>{@code ledgerline.bench.schema} / {@code LEDGERLINE_BENCH_SCHEMA}, default
 * {@value #DEFAULT_SCHEMA}; it must start with {@value #DEFAULT_SCHEMA}, because the
 * generator drops it
 * <li>{@code ledgerline.bench.migration} / {@code LEDGERLINE_BENCH_MIGRATION}: the V1
 * migration file; by default found by walking up from the working directory to the
 * repository root
 * </ul>
 *
 * <p>
 * As a program:
 * {@code java -cp bench/target/benchmarks.jar io.ledgerline.bench.InvoiceDataGenerator
 * [invoicesPerOrg]} builds the data set and leaves it in place (to look at plans with
 * {@code psql}); {@code ... InvoiceDataGenerator --drop} removes the schema.
 */
public final class InvoiceDataGenerator {

	static final String DEFAULT_SCHEMA = "ledgerline_bench";
	static final int DEFAULT_INVOICES_PER_ORG = 250_000;
	static final String ORG = "bench-org-a";
	static final String OTHER_ORG = "bench-org-b";
	static final String MIGRATION = "app/src/main/resources/db/migration/V1__orgs_users_invoices_audit.sql";
	static final double ARCHIVED_FRACTION = 0.05;

	private static final long SEED = 20_261_122L;

	private static final int BATCH = 1_000;

	private static final int COMMIT_EVERY = 50_000;

	private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final String[] STATUSES = { "draft", "sent", "paid", "void" };

	private static final Instant FIRST_CREATED = Instant.parse("2020-01-01T00:00:00Z");

	/** Where to connect and what to build. */
	record Settings(String url, String user, String password, String schema, Path migration) {

		static Settings fromEnvironment() {
			String schema = setting("ledgerline.bench.schema", "LEDGERLINE_BENCH_SCHEMA", DEFAULT_SCHEMA);
			if (!SCHEMA_NAME.matcher(schema).matches() || !schema.startsWith(DEFAULT_SCHEMA)) {
				throw new IllegalArgumentException(
						"the bench schema is dropped and recreated, so its name must be a plain"
								+ " lower-case identifier starting with " + DEFAULT_SCHEMA + "; got " + schema);
			}
			String migration = setting("ledgerline.bench.migration", "LEDGERLINE_BENCH_MIGRATION", null);
			return new Settings(
					setting("ledgerline.bench.pg.url", "LEDGERLINE_BENCH_PG_URL",
							"jdbc:postgresql://127.0.0.1:5432/test"),
					setting("ledgerline.bench.pg.user", "LEDGERLINE_BENCH_PG_USER", "postgres"),
					setting("ledgerline.bench.pg.password", "LEDGERLINE_BENCH_PG_PASSWORD", ""), schema,
					migration == null ? findMigration() : Paths.get(migration));
		}

		/**
		 * A connection whose unqualified table names resolve in the bench schema;
		 * autocommit on.
		 */
		Connection connect() throws SQLException {
			return connect(new Properties());
		}

		Connection connect(Properties extra) throws SQLException {
			Properties props = new Properties();
			props.putAll(extra);
			props.setProperty("user", user);
			if (!password.isEmpty()) {
				props.setProperty("password", password);
			}
			props.setProperty("ApplicationName", "ledgerline-bench");
			Connection connection = DriverManager.getConnection(url, props);
			try (Statement st = connection.createStatement()) {
				st.execute("SET search_path TO " + schema);
			}
			return connection;
		}
	}

	/** What was built, for the log and the documentation. */
	record DataSet(int invoicesPerOrg, long activeInOrg, long archivedInOrg, long tableBytes, long indexBytes,
			double seconds) {

		@Override
		public String toString() {
			return String.format(
					"%,d invoices per org in 2 orgs (%s: %,d active, %,d archived); invoices table %,d MiB"
							+ " heap+toast, %,d MiB indexes; built in %.1f s",
					invoicesPerOrg, ORG, activeInOrg, archivedInOrg, tableBytes >> 20, indexBytes >> 20, seconds);
		}
	}

	private InvoiceDataGenerator() {
	}

	/**
	 * A system property, else an environment variable, else the default (blank counts as
	 * unset).
	 */
	static String setting(String property, String environment, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(environment);
		}
		return value == null || value.isBlank() ? fallback : value;
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromEnvironment();
		if (args.length == 1 && args[0].equals("--drop")) {
			drop(settings);
			System.out.println("dropped schema " + settings.schema());
			return;
		}
		int invoicesPerOrg = args.length == 0 ? DEFAULT_INVOICES_PER_ORG : Integer.parseInt(args[0]);
		System.out.println(generate(settings, invoicesPerOrg));
	}

	/** Drops and recreates the schema, creates the app's tables in it and fills them. */
	static DataSet generate(Settings settings, int invoicesPerOrg) throws SQLException {
		if (invoicesPerOrg < 1) {
			throw new IllegalArgumentException("invoicesPerOrg must be positive: " + invoicesPerOrg);
		}
		long started = System.nanoTime();
		List<String> ddl = statements(read(settings.migration()));
		try (Connection c = settings.connect()) {
			try (Statement st = c.createStatement()) {
				st.execute("DROP SCHEMA IF EXISTS " + settings.schema() + " CASCADE");
				st.execute("CREATE SCHEMA " + settings.schema());
				for (String sql : ddl) {
					st.execute(sql);
				}
			}
		}
		Properties batched = new Properties();
		batched.setProperty("reWriteBatchedInserts", "true");
		try (Connection c = settings.connect(batched)) {
			c.setAutoCommit(false);
			try (Statement st = c.createStatement()) {
				// Only this loading session: a crash mid-load loses nothing that matters.
				st.execute("SET synchronous_commit TO off");
			}
			insertOrgs(c);
			insertInvoices(c, invoicesPerOrg);
			try (Statement st = c.createStatement()) {
				st.execute("SELECT setval(pg_get_serial_sequence('invoices', 'id'), (SELECT max(id) FROM invoices))");
			}
			c.commit();
			c.setAutoCommit(true);
			try (Statement st = c.createStatement()) {
				st.execute("VACUUM (ANALYZE) orgs");
				st.execute("VACUUM (ANALYZE) invoices");
				checkpoint(st);
			}
			return describe(c, invoicesPerOrg, (System.nanoTime() - started) / 1e9);
		}
	}

	static void drop(Settings settings) throws SQLException {
		try (Connection c = settings.connect(); Statement st = c.createStatement()) {
			st.execute("DROP SCHEMA IF EXISTS " + settings.schema() + " CASCADE");
		}
	}

	private static void insertOrgs(Connection c) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("INSERT INTO orgs (id, name, created_at) VALUES (?, ?, ?)")) {
			for (String org : List.of(ORG, OTHER_ORG)) {
				ps.setString(1, org);
				ps.setString(2, "Bench " + org);
				ps.setObject(3, FIRST_CREATED.atOffset(ZoneOffset.UTC));
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

	private static void insertInvoices(Connection c, int invoicesPerOrg) throws SQLException {
		SplittableRandom random = new SplittableRandom(SEED);
		long rows = 2L * invoicesPerOrg;
		try (PreparedStatement ps = c.prepareStatement("""
				INSERT INTO invoices (id, org_id, invoice_number, customer_name, status, total, issued_on, version,
				                      created_at, updated_at, archived_at, deleted_at, due_on)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			for (long id = 1; id <= rows; id++) {
				boolean first = (id & 1) == 1;
				long numberInOrg = (id + 1) / 2;
				OffsetDateTime created = FIRST_CREATED.plusSeconds(60 * id).atOffset(ZoneOffset.UTC);
				boolean archived = random.nextDouble() < ARCHIVED_FRACTION;
				ps.setLong(1, id);
				ps.setString(2, first ? ORG : OTHER_ORG);
				ps.setString(3, String.format("INV-%07d", numberInOrg));
				ps.setString(4, "Customer " + random.nextInt(5_000) + " Ltd");
				ps.setString(5, STATUSES[random.nextInt(STATUSES.length)]);
				ps.setBigDecimal(6, BigDecimal.valueOf(random.nextLong(1_000, 5_000_000), 2));
				LocalDate issued = LocalDate.ofInstant(created.toInstant(), ZoneOffset.UTC);
				ps.setObject(7, issued);
				ps.setLong(8, archived ? 2 : 1);
				ps.setObject(9, created);
				ps.setObject(10, archived ? created.plusDays(30) : created);
				ps.setObject(11, archived ? created.plusDays(30) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
				ps.setObject(12, null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
				ps.setObject(13, issued.plusDays(30));
				ps.addBatch();
				if (id % BATCH == 0 || id == rows) {
					ps.executeBatch();
				}
				if (id % COMMIT_EVERY == 0) {
					c.commit();
				}
			}
		}
	}

	/**
	 * Flushes the load's dirty pages now rather than during a measurement (needs the
	 * right to checkpoint).
	 */
	private static void checkpoint(Statement st) {
		try {
			st.execute("CHECKPOINT");
		}
		catch (SQLException e) {
			System.err.println("[bench] CHECKPOINT refused (" + e.getMessage().strip() + "); continuing without it");
		}
	}

	private static DataSet describe(Connection c, int invoicesPerOrg, double seconds) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("""
				SELECT count(*) FILTER (WHERE archived_at IS NULL AND deleted_at IS NULL),
				       count(*) FILTER (WHERE archived_at IS NOT NULL),
				       pg_table_size('invoices'), pg_indexes_size('invoices')
				FROM invoices WHERE org_id = ?""")) {
			ps.setString(1, ORG);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return new DataSet(invoicesPerOrg, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), seconds);
			}
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the app's migration " + file, e);
		}
	}

	/**
	 * Walks up from the working directory to the first folder that holds the app's V1
	 * migration.
	 */
	static Path findMigration() {
		Path start = Paths.get("").toAbsolutePath();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(MIGRATION);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no " + MIGRATION + " in " + start + " or any folder above it; run from the"
				+ " repository (or below it), or name the file with -Dledgerline.bench.migration=...");
	}

	/**
	 * Splits a migration script into statements: {@code ;} ends a statement unless it is
	 * inside a quoted string or identifier, and {@code --} comments are dropped. Enough
	 * for plain DDL files; it does not understand dollar quoting or block comments, and
	 * refuses them rather than guess.
	 */
	static List<String> statements(String script) {
		if (script.contains("$$") || script.contains("/*")) {
			throw new IllegalArgumentException(
					"the migration uses dollar quoting or block comments, which this splitter" + " does not handle");
		}
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		char quote = 0;
		for (int i = 0; i < script.length(); i++) {
			char ch = script.charAt(i);
			if (quote != 0) {
				current.append(ch);
				if (ch == quote) {
					quote = 0;
				}
			}
			else if (ch == '\'' || ch == '"') {
				quote = ch;
				current.append(ch);
			}
			else if (ch == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
				while (i < script.length() && script.charAt(i) != '\n') {
					i++;
				}
				current.append('\n');
			}
			else if (ch == ';') {
				add(statements, current);
			}
			else {
				current.append(ch);
			}
		}
		add(statements, current);
		return statements;
	}

	private static void add(List<String> statements, StringBuilder current) {
		String sql = current.toString().strip();
		if (!sql.isEmpty()) {
			statements.add(sql);
		}
		current.setLength(0);
	}

}
