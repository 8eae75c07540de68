package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;

import io.ledgerline.tagcache.jdbc.JournalConnections;

/**
 * The journal's "current connection" is the one Spring bound to the current transaction
 * (so an append commits or rolls back with the write), or a connection of its own outside
 * one.
 */
final class TransactionConnections implements JournalConnections {

	private final DataSource dataSource;

	TransactionConnections(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Connection acquire() throws SQLException {
		return DataSourceUtils.doGetConnection(dataSource);
	}

	@Override
	public void release(Connection connection) throws SQLException {
		DataSourceUtils.doReleaseConnection(connection, dataSource);
	}

}
