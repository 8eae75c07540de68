package io.ledgerline.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.JobRunnerByHand;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * The recurring reconciliation: on by default (off in the tests' profile, so it never
 * fires during other tests), nightly, and each firing queues one recompute per org.
 */
@IntegrationTest
class SummaryReconciliationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ManualClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	List<Task<?>> tasks;

	@Autowired
	SummaryJobs jobs;

	@Autowired
	SummaryJobProperties properties;

	@Autowired
	ApplicationContext context;

	@Test
	void theScheduleIsOnByDefaultButNotInTheTests() {
		SummaryJobProperties defaults = new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("ledgerline.jobs.summary", SummaryJobProperties.class);
		assertThat(defaults.reconciliation().enabled()).isTrue();
		assertThat(defaults.reconciliation().cron()).isEqualTo("0 0 3 * * *");
		assertThat(defaults.concurrency()).isEqualTo(2);
		assertThat(properties.reconciliation().enabled()).isFalse();
		assertThat(properties.reconciliation().cron()).isEqualTo("0 0 3 * * *");
		assertThat(context.getBeanNamesForType(RecurringTask.class)).isEmpty();
	}

	@Test
	void eachFiringQueuesOneRecomputePerOrg() {
		SummaryJobTestSupport db = new SummaryJobTestSupport(jdbc);
		TestOrg a = fixtures.org();
		TestOrg b = fixtures.org();
		db.corrupt(b.id(), 7, "7.00");
		RecurringTask<Void> reconciliation = new SummaryRecomputeJob().summaryReconciliationTask(jobs, properties);

		reconciliation.execute(reconciliation.instance("recurring"), null);

		assertThat(db.pendingFor(a.id())).containsExactly(a.id());
		assertThat(db.pendingFor(b.id())).containsExactly(b.id());
		JobRunnerByHand.over(dataSource, tasks, clock.instant()).runDue();
		assertThat(db.runOutcomes(b.id())).containsExactly("done");
		assertThat(db.stored(b.id()).count()).isZero();
	}

}
