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
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ledgerline.invoices.InvoiceColumns;

/**
 * Builds the invoice data set the paging benchmark reads, in a schema of its own on a
 * real PostgreSQL: the schema is dropped and created again, the app's own SQL migrations,
 * every one in version order (read from {@code app/src/main/resources/db/migration} at
 * run time, so the tables and indexes are exactly the app's), create the tables in it,
 * and two orgs get {@code invoicesPerOrg} invoices each. A row is written by column name
 * over the app's own column list ({@code InvoiceColumns.ALL}), so a column the app adds
 * without a value here fails the build of the data set by name instead of drifting
 * silently.
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
 * migration file (its folder holds the others); by default found by walking up from the
 * working directory to the repository root
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

	/** V14_1's default {@code orgs.payment_terms_days}. */
	static final int PAYMENT_TERMS_DAYS = 30;

	private static final long SEED = 20_261_122L;

	private static final int BATCH = 1_000;

	private static final int COMMIT_EVERY = 50_000;

	private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final Pattern MIGRATION_FILE = Pattern.compile("V(\\d+(?:_\\d+)*)__.+\\.sql");

	/** The app's columns, in the order the insert binds them. */
	private static final List<String> COLUMNS = Arrays.stream(InvoiceColumns.ALL.split(","))
		.map(String::strip)
		.toList();

	private static final String INSERT_INVOICE = "INSERT INTO invoices (" + InvoiceColumns.ALL + ") VALUES ("
			+ String.join(", ", Collections.nCopies(COLUMNS.size(), "?")) + ")";

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
		createTables(settings);
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

	/**
	 * Drops and recreates the schema and runs every SQL migration of the app in it, in
	 * Flyway's version order: the tables as the app has them now. (The one Java migration
	 * only indexes existing rows for search, and there are none yet.)
	 */
	static void createTables(Settings settings) throws SQLException {
		try (Connection c = settings.connect(); Statement st = c.createStatement()) {
			st.execute("DROP SCHEMA IF EXISTS " + settings.schema() + " CASCADE");
			st.execute("CREATE SCHEMA " + settings.schema());
			for (Path migration : migrations(settings.migration().getParent())) {
				for (String sql : statements(read(migration))) {
					st.execute(sql);
				}
			}
		}
	}

	/**
	 * The {@code V<version>__<name>.sql} files in {@code folder}, by version as Flyway
	 * orders them.
	 */
	static List<Path> migrations(Path folder) {
		try (var files = Files.list(folder)) {
			return files.filter(file -> MIGRATION_FILE.matcher(file.getFileName().toString()).matches())
				.sorted(Comparator.comparing(InvoiceDataGenerator::version, InvoiceDataGenerator::compareVersions))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list the app's migrations in " + folder, e);
		}
	}

	private static int[] version(Path migration) {
		Matcher name = MIGRATION_FILE.matcher(migration.getFileName().toString());
		name.matches();
		return Arrays.stream(name.group(1).split("_")).mapToInt(Integer::parseInt).toArray();
	}

	private static int compareVersions(int[] a, int[] b) {
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			int order = Integer.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
			if (order != 0) {
				return order;
			}
		}
		return 0;
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
		try (PreparedStatement ps = c.prepareStatement(INSERT_INVOICE)) {
			for (long id = 1; id <= rows; id++) {
				boolean first = (id & 1) == 1;
				long numberInOrg = (id + 1) / 2;
				OffsetDateTime created = FIRST_CREATED.plusSeconds(60 * id).atOffset(ZoneOffset.UTC);
				boolean archived = random.nextDouble() < ARCHIVED_FRACTION;
				LocalDate issued = LocalDate.ofInstant(created.toInstant(), ZoneOffset.UTC);
				Map<String, Object> row = new HashMap<>();
				row.put("id", id);
				row.put("org_id", first ? ORG : OTHER_ORG);
				row.put("invoice_number", String.format("INV-%07d", numberInOrg));
				row.put("customer_name", "Customer " + random.nextInt(5_000) + " Ltd");
				row.put("status", STATUSES[random.nextInt(STATUSES.length)]);
				row.put("total", BigDecimal.valueOf(random.nextLong(1_000, 5_000_000), 2));
				row.put("issued_on", issued);
				// As V14_1 fills it: the issue date plus the org's payment terms (the
				// default net 30; the bench orgs set none).
				row.put("due_on", issued.plusDays(PAYMENT_TERMS_DAYS));
				row.put("version", archived ? 2L : 1L);
				row.put("created_at", created);
				row.put("updated_at", archived ? created.plusDays(30) : created);
				row.put("archived_at", archived ? created.plusDays(30) : null);
				row.put("deleted_at", null);
				bind(ps, row);
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

	/** Inserts {@code rows} (see {@link #bind}) in one batch. */
	static void insertInvoices(Connection c, List<Map<String, Object>> rows) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(INSERT_INVOICE)) {
			for (Map<String, Object> row : rows) {
				bind(ps, row);
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

	/**
	 * Binds {@code row} to an {@link #INSERT_INVOICE} statement, column by column of the
	 * app's list; a column without a value in {@code row} is refused by name.
	 */
	static void bind(PreparedStatement ps, Map<String, Object> row) throws SQLException {
		for (int i = 0; i < COLUMNS.size(); i++) {
			String column = COLUMNS.get(i);
			if (!row.containsKey(column)) {
				throw new IllegalStateException("the bench writes no value for invoices." + column
						+ " (InvoiceColumns.ALL); give it one where the bench builds its rows");
			}
			Object value = row.get(column);
			if (value == null) {
				// Only the timestamps are ever null here; typed, so a batch keeps one
				// plan.
				ps.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
			}
			else {
				ps.setObject(i + 1, value);
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
