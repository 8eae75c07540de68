package io.ledgerline.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ledgerline.LedgerlineApplication;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.TestDatabaseProfiles;

/**
 * Two more instances of the app, each with its own real scheduler polling the one shared
 * database (PostgreSQL in the "postgres" run, the shared in-memory H2 otherwise): every
 * queued recompute runs exactly once, on one of them.
 */
@IntegrationTest
class SummaryJobClusterTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SummaryJobs jobs;

	@Test
	void twoInstancesSharingTheDatabaseNeverRunTheSameJobTwice() {
		List<TestOrg> orgs = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			TestOrg org = fixtures.org();
			fixtures.invoice(org, "10.00");
			orgs.add(org);
		}
		Map<String, List<String>> runsByOrg = new ConcurrentHashMap<>();
		try (ConfigurableApplicationContext a = node("node-a"); ConfigurableApplicationContext b = node("node-b")) {
			for (ConfigurableApplicationContext node : List.of(a, b)) {
				String name = node.getEnvironment().getProperty("db-scheduler.scheduler-name");
				node.getBean(SummaryRecompute.class)
					.afterCount(orgId -> runsByOrg
						.computeIfAbsent(orgId, id -> new java.util.concurrent.CopyOnWriteArrayList<>())
						.add(name));
			}

			orgs.forEach(org -> jobs.enqueue(org.id()));

			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> orgs.stream().allMatch(org -> doneRuns(org.id()) >= 1) && pending(orgs) == 0);
		}
		for (TestOrg org : orgs) {
			assertThat(runsByOrg.get(org.id())).as("recomputes of %s", org.id()).hasSize(1);
			assertThat(doneRuns(org.id())).isEqualTo(1);
		}
		assertThat(jdbc
			.sql("SELECT DISTINCT instance FROM job_runs WHERE org_id IN ("
					+ String.join(",", orgs.stream().map(o -> "'" + o.id() + "'").toList()) + ")")
			.query(String.class)
			.list()).isSubsetOf("node-a", "node-b");
	}

	private ConfigurableApplicationContext node(String name) {
		return new SpringApplicationBuilder(LedgerlineApplication.class)
			.profiles(new TestDatabaseProfiles().resolve(getClass()))
			.run("--server.port=0", "--db-scheduler.enabled=true", "--db-scheduler.scheduler-name=" + name,
					"--db-scheduler.polling-interval=100ms", "--db-scheduler.threads=4",
					"--db-scheduler.delay-startup-until-context-ready=false", "--spring.main.banner-mode=off");
	}

	private int doneRuns(String orgId) {
		return jdbc.sql("SELECT COUNT(*) FROM job_runs WHERE org_id = ? AND outcome = 'done'")
			.param(orgId)
			.query(Integer.class)
			.single();
	}

	private int pending(List<TestOrg> orgs) {
		return jdbc.sql("SELECT task_instance FROM scheduled_tasks WHERE task_name = ?")
			.param(SummaryJobs.TASK)
			.query(String.class)
			.list()
			.stream()
			.filter(id -> orgs.stream().anyMatch(org -> id.startsWith(org.id())))
			.toList()
			.size();
	}

}
