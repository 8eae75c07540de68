package io.ledgerline.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.ledgerline.LedgerlineApplication;
import io.ledgerline.support.TestDatabaseProfiles;
import io.ledgerline.support.TestSupportConfig;
import io.ledgerline.tagcache.redis.testing.RedisProcess;

/**
 * Three real instances (application contexts on their own ports) on the run's database
 * and one private Redis: A and B share a bus; C is on the same Redis under another key
 * prefix, so it never hears A's messages and only the journal (through the causal token)
 * can tell it about A's writes.
 */
record TestCluster(RedisProcess redis, ClusterTests.Instance a, ClusterTests.Instance b,
		ClusterTests.Instance c) implements AutoCloseable {

	/**
	 * Starts the cluster, or skips the calling class where there is no PostgreSQL (the
	 * cluster tier runs on PostgreSQL only); under CI a missing PostgreSQL is an error.
	 */
	static TestCluster startOnPostgres() {
		if (System.getenv("LEDGERLINE_TEST_PG_URL") == null) {
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException("the cluster tests need PostgreSQL under CI (LEDGERLINE_TEST_PG_URL)");
			}
			Assumptions.abort("LEDGERLINE_TEST_PG_URL not set: the cluster tests run on PostgreSQL only");
		}
		return start();
	}

	private static TestCluster start() {
		RedisProcess redis = RedisProcess.start(Integer.getInteger("ledgerline.test.redis-port", 18098));
		String secret = "test-secret-" + UUID.randomUUID();
		String shared = "ll-test-" + UUID.randomUUID() + ":";
		List<ClusterTests.Instance> started = new ArrayList<>();
		try {
			started.add(instance("a", redis, shared, secret));
			started.add(instance("b", redis, shared, secret));
			started.add(instance("c", redis, "ll-test-elsewhere-" + UUID.randomUUID() + ":", secret));
		}
		catch (RuntimeException failed) {
			started.forEach(instance -> instance.context().close());
			redis.close();
			throw failed;
		}
		TestCluster cluster = new TestCluster(redis, started.get(0), started.get(1), started.get(2));
		ClusterTests.await("every bus connected", () -> !cluster.a().follower().isDegraded()
				&& !cluster.b().follower().isDegraded() && !cluster.c().follower().isDegraded());
		return cluster;
	}

	private static ClusterTests.Instance instance(String name, RedisProcess redis, String prefix, String secret) {
		// Arguments, not default properties: they must win over application-cluster.yml.
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--ledgerline.cluster.instance-name=" + name,
				"--ledgerline.cluster.redis-url=" + redis.uri(), "--ledgerline.cluster.key-prefix=" + prefix,
				"--ledgerline.cluster.token-secret=" + secret, "--ledgerline.cluster.stale-bound=5s",
				// Only reconnects and tokens read the journal here, so the tests see
				// which
				// one did.
				"--ledgerline.cluster.catch-up-interval=1h"));
		List<String> profiles = new ArrayList<>(List.of("test", "demo", "cluster"));
		if (TestDatabaseProfiles.onPostgres()) {
			profiles.add(1, "pgtest");
		}
		else {
			// One in-memory database for the three, apart from the other tests' one.
			args.add("--spring.datasource.url=jdbc:h2:mem:ledgerline-cluster;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
					+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerlineApplication.class,
				TestSupportConfig.class)
			.profiles(profiles.toArray(String[]::new))
			.run(args.toArray(String[]::new));
		return new ClusterTests.Instance(name, context,
				"http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
	}

	List<ClusterTests.Instance> instances() {
		return List.of(a, b, c);
	}

	@Override
	public void close() {
		for (ClusterTests.Instance instance : instances()) {
			instance.context().close();
		}
		redis.close();
	}

}
