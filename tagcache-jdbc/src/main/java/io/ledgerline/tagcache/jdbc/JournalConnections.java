package io.ledgerline.tagcache.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * Where the journal gets "the current connection" for an append, and how it gives it
 * back. An append must run on the writer's own connection, so its rows commit or roll
 * back with the write: an application with its own transaction management implements this
 * to hand out the connection bound to the current transaction (the starter does it with
 * Spring's {@code DataSourceUtils}). {@link #of(DataSource)} is for code that commits by
 * hand on connections of its own.
 */
public interface JournalConnections {

	/** The connection to work on: the current transaction's, if there is one. */
	Connection acquire() throws SQLException;

	/** Gives back what {@link #acquire()} returned (never closes a transaction's). */
	void release(Connection connection) throws SQLException;

	/** A new connection from {@code dataSource} every time, closed on release. */
	static JournalConnections of(DataSource dataSource) {
		Objects.requireNonNull(dataSource, "dataSource");
		return new JournalConnections() {

			@Override
			public Connection acquire() throws SQLException {
				return dataSource.getConnection();
			}

			@Override
			public void release(Connection connection) throws SQLException {
				connection.close();
			}

		};
	}

}
