package io.ledgerline.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Properties;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Records which database this run's integration tests really talked to, for CI's tier
 * check (.ci/check_tiers.py): a PostgreSQL tier that quietly ran on H2 must not pass.
 */
@IntegrationTest
class TestDatabaseReportTests {

	@Autowired
	DataSource dataSource;

	@Test
	void theDatabaseIsTheOneThisTierIsFor() throws Exception {
		String product;
		try (Connection connection = dataSource.getConnection()) {
			product = connection.getMetaData().getDatabaseProductName();
		}
		String tier = System.getProperty("ledgerline.test.database", "h2");
		assertThat(product).isEqualTo(TestDatabaseProfiles.onPostgres() ? "PostgreSQL" : "H2");

		Properties report = new Properties();
		report.setProperty("tier", tier);
		report.setProperty("product", product);
		Path file = Path.of("target", "test-database", tier + ".properties");
		Files.createDirectories(file.getParent());
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			report.store(out, "written by " + getClass().getName());
		}
	}

}
