package io.ledgerline.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The SQL the app really sends to its database, seen at the JDBC connection: every
 * statement prepared (or executed without preparing) on the current thread while a test
 * records. A MockMvc request runs on the test's thread, so what a request asked the
 * database is exactly what was recorded during it, and background work (jobs, cache
 * refreshes) is not; {@link #everywhere} records that too.
 */
public final class StatementLog {

	private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

	/** What every thread of every recording data source sends, while a test records. */
	private static volatile List<String> everywhere;

	private StatementLog() {
	}

	@FunctionalInterface
	public interface Action {

		void run() throws Exception;

	}

	/** The statements {@code action} sent to the database on this thread, in order. */
	public static List<String> during(Action action) throws Exception {
		List<String> statements = new ArrayList<>();
		List<String> outer = RECORDING.get();
		RECORDING.set(statements);
		try {
			action.run();
		}
		finally {
			RECORDING.set(outer);
		}
		return statements;
	}

	/**
	 * The statements sent on any thread (background refreshes and jobs too) of any app in
	 * this JVM (every instance of a test cluster) while {@code action} ran. One recording
	 * at a time.
	 */
	public static synchronized List<String> everywhere(Action action) throws Exception {
		List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());
		everywhere = statements;
		try {
			action.run();
		}
		finally {
			everywhere = null;
		}
		synchronized (statements) {
			return List.copyOf(statements);
		}
	}

	private static void seen(String sql) {
		String statement = sql.strip().replaceAll("\\s+", " ");
		List<String> statements = RECORDING.get();
		if (statements != null) {
			statements.add(statement);
		}
		List<String> all = everywhere;
		if (all != null) {
			all.add(statement);
		}
	}

	/** Wraps the app's data source so that its connections report what they run. */
	static BeanPostProcessor recorder() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource dataSource && !(bean instanceof Recording) ? new Recording(dataSource)
						: bean;
			}
		};
	}

	private static final class Recording extends DelegatingDataSource {

		Recording(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return recording(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return recording(super.getConnection(username, password));
		}

		private static Connection recording(Connection connection) {
			return proxy(Connection.class, connection, (method, args) -> {
				if (args != null && args.length > 0 && args[0] instanceof String sql
						&& (method.equals("prepareStatement") || method.equals("prepareCall")
								|| method.equals("nativeSQL"))) {
					seen(sql);
				}
			}, result -> result instanceof Statement statement && !(result instanceof java.sql.PreparedStatement)
					? proxy(Statement.class, statement, (method, args) -> {
						if (method.startsWith("execute") && args != null && args.length > 0
								&& args[0] instanceof String sql) {
							seen(sql);
						}
					}, same -> same) : result);
		}

		private static <T> T proxy(Class<T> type, T target, Observer observer,
				java.util.function.UnaryOperator<Object> results) {
			InvocationHandler handler = (self, method, args) -> {
				observer.observe(method.getName(), args);
				try {
					return results.apply(method.invoke(target, args));
				}
				catch (InvocationTargetException e) {
					throw e.getCause();
				}
			};
			return type
				.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] { type }, handler));
		}

		@FunctionalInterface
		private interface Observer {

			void observe(String method, Object[] args);

		}

	}

}
