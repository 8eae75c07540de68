package io.ledgerline.caching;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/**
 * The invalidation log's own connections: the same database as the app, a separate, small
 * pool. Not a {@code DataSource} bean, so Boot's own data source (and everything wired to
 * it) stays the only one the app sees.
 */
final class InvalidationLogPool implements AutoCloseable {

	private static final int SIZE = 2;

	private final HikariDataSource dataSource;

	private InvalidationLogPool(HikariDataSource dataSource) {
		this.dataSource = dataSource;
	}

	static InvalidationLogPool of(DataSourceProperties properties) {
		HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		pool.setPoolName("invalidation-log");
		pool.setMaximumPoolSize(SIZE);
		pool.setMinimumIdle(0);
		pool.setAutoCommit(true);
		return new InvalidationLogPool(pool);
	}

	DataSource dataSource() {
		return dataSource;
	}

	@Override
	public void close() {
		dataSource.close();
	}

}
