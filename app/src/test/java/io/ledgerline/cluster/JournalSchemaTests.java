package io.ledgerline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.ledgerline.support.IntegrationTest;

/**
 * The journal's tables as the app's Flyway migrations made them are the tables
 * tagcache-jdbc ships ({@code META-INF/tagcache/jdbc}): the same columns, types, lengths
 * and nullability, compared in a scratch schema of the run's database (H2, or PostgreSQL
 * in its tier).
 */
@IntegrationTest
class JournalSchemaTests {

	static final String SCRATCH = "tagcache_jdbc_shipped";

	@Autowired
	DataSource dataSource;

	@Test
	void theMigrationsMakeTheTablesTagcacheJdbcShips() throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			String appSchema = connection.getSchema();
			statement.execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
			statement.execute("CREATE SCHEMA " + SCRATCH);
			try {
				connection.setSchema(SCRATCH);
				for (String sql : shipped().replaceAll("(?m)^--.*$", "").split(";")) {
					if (!sql.isBlank()) {
						statement.execute(sql);
					}
				}
				assertThat(columns(connection, SCRATCH)).hasSize(9).isEqualTo(columns(connection, appSchema));
			}
			finally {
				connection.setSchema(appSchema);
				statement.execute("DROP SCHEMA " + SCRATCH + " CASCADE");
			}
		}
	}

	static String shipped() throws IOException {
		try (InputStream in = JournalSchemaTests.class.getResourceAsStream("/META-INF/tagcache/jdbc/schema.sql")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static List<String> columns(Connection connection, String schema) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("""
				SELECT table_name, column_name, data_type, character_maximum_length, is_nullable
				FROM information_schema.columns
				WHERE table_schema = ? AND table_name IN ('invalidation_journal', 'invalidation_journal_pruned')
				ORDER BY table_name, column_name""")) {
			select.setString(1, schema);
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + "(" + rs.getString(4)
							+ ") nullable " + rs.getString(5));
				}
			}
		}
		return columns;
	}

}
