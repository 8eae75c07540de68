package io.ledgerline.tagcache.jdbc.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.ledgerline.tagcache.jdbc.JournalConnections;

/**
 * What an application's transaction manager does for the journal, by hand: inside
 * {@link #inTransaction} the thread's work runs on one connection, committed at the end
 * (or rolled back); outside it, each use takes a connection of its own.
 */
public final class TestTransactions implements JournalConnections {

	private final DataSource dataSource;

	private final ThreadLocal<Connection> current = new ThreadLocal<>();

	public TestTransactions(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public <T> T inTransaction(Supplier<T> work) {
		return run(work, false);
	}

	/** Like {@link #inTransaction}, but rolled back at the end. */
	public <T> T rolledBack(Supplier<T> work) {
		return run(work, true);
	}

	private <T> T run(Supplier<T> work, boolean rollback) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			current.set(connection);
			try {
				T result = work.get();
				if (rollback) {
					connection.rollback();
				}
				else {
					connection.commit();
				}
				return result;
			}
			catch (RuntimeException | Error failed) {
				connection.rollback();
				throw failed;
			}
			finally {
				current.remove();
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public Connection acquire() throws SQLException {
		Connection bound = current.get();
		return bound != null ? bound : dataSource.getConnection();
	}

	@Override
	public void release(Connection connection) throws SQLException {
		if (connection != current.get()) {
			connection.close();
		}
	}

}
