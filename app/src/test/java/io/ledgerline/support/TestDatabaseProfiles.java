package io.ledgerline.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Picks the database profile from the Surefire execution
 * ({@code ledgerline.test.database}).
 */
public class TestDatabaseProfiles implements ActiveProfilesResolver {

	@Override
	public String[] resolve(Class<?> testClass) {
		String database = System.getProperty("ledgerline.test.database", "h2");
		return switch (database) {
			case "h2" -> new String[] { "test", "demo" };
			case "postgres" -> new String[] { "test", "pgtest", "demo" };
			default -> throw new IllegalStateException("Unknown ledgerline.test.database: " + database);
		};
	}

	public static boolean onPostgres() {
		return "postgres".equals(System.getProperty("ledgerline.test.database"));
	}

}
