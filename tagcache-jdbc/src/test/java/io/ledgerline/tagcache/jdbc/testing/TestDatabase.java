package io.ledgerline.tagcache.jdbc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database of the Surefire execution ({@code tagcache.jdbc.test.database}): a fresh
 * in-memory H2, or the PostgreSQL named by {@code LEDGERLINE_TEST_PG_URL} (user
 * {@code LEDGERLINE_TEST_PG_USER}, password {@code LEDGERLINE_TEST_PG_PASSWORD}) in a
 * schema of this module's own next to {@code LEDGERLINE_TEST_PG_SCHEMA} (the app's Flyway
 * needs that one empty). The PostgreSQL execution never skips: a missing URL fails it.
 * Either way the shipped schema is applied, and the database's product name written to
 * {@code target/test-database/<execution>.properties} for the CI tier check.
 */
public final class TestDatabase {

	private static volatile boolean postgresReset;

	private TestDatabase() {
	}

	public static boolean onPostgres() {
		return "postgres".equals(System.getProperty("tagcache.jdbc.test.database", "h2"));
	}

	/** A database with the journal's tables. */
	public static DataSource open() {
		DataSource dataSource = onPostgres() ? postgres() : h2();
		applySchema(dataSource);
		record(dataSource);
		return dataSource;
	}

	/**
	 * The shipped schema ({@code META-INF/tagcache/jdbc/schema.sql}), statement by
	 * statement (it holds no semicolon in a literal).
	 */
	public static void applySchema(DataSource dataSource) {
		String script = shipped();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
				if (!sql.isBlank()) {
					statement.execute(sql);
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("applying " + SCHEMA + " failed", e);
		}
	}

	private static final String SCHEMA = "/META-INF/tagcache/jdbc/schema.sql";

	private static String shipped() {
		try (InputStream in = TestDatabase.class.getResourceAsStream(SCHEMA)) {
			if (in == null) {
				throw new IllegalStateException(SCHEMA + " is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static DataSource h2() {
		JdbcDataSource h2 = new JdbcDataSource();
		// Row locks and a lock timeout as the app's: a test that would block fails
		// instead.
		h2.setURL("jdbc:h2:mem:journal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		h2.setUser("sa");
		return h2;
	}

	private static DataSource postgres() {
		String url = System.getenv("LEDGERLINE_TEST_PG_URL");
		if (url == null) {
			throw new IllegalStateException("the PostgreSQL execution needs LEDGERLINE_TEST_PG_URL");
		}
		String schema = System.getenv().getOrDefault("LEDGERLINE_TEST_PG_SCHEMA", "ledgerline_it") + "_tagcache_jdbc";
		PGSimpleDataSource postgres = new PGSimpleDataSource();
		postgres.setURL(url);
		postgres.setUser(System.getenv().getOrDefault("LEDGERLINE_TEST_PG_USER", "postgres"));
		postgres.setPassword(System.getenv().getOrDefault("LEDGERLINE_TEST_PG_PASSWORD", ""));
		resetOnce(postgres, schema);
		postgres.setCurrentSchema(schema);
		return postgres;
	}

	/** A fresh schema once per run: nothing left by an earlier run counts. */
	private static synchronized void resetOnce(DataSource postgres, String schema) {
		if (postgresReset) {
			return;
		}
		try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not create schema " + schema, e);
		}
		postgresReset = true;
	}

	private static void record(DataSource dataSource) {
		String execution = onPostgres() ? "postgres" : "h2";
		try (Connection connection = dataSource.getConnection()) {
			Path file = Path.of("target", "test-database", execution + ".properties");
			Files.createDirectories(file.getParent());
			Files.writeString(file, "product=" + connection.getMetaData().getDatabaseProductName() + "\n");
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("could not record the test database", e);
		}
	}

}
