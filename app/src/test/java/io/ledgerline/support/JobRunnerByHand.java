package io.ledgerline.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import io.ledgerline.jobs.TextPayloadSerializer;

/**
 * The app's job runner (db-scheduler, on the app's own job table and tasks), driven by
 * the test: due executions run in the calling thread when the test says so, and the
 * runner's clock moves only when the test moves it. The tests' profile starts no
 * scheduler of its own, so nothing runs behind a test's back.
 */
public final class JobRunnerByHand {

	private static final int MAX_ROUNDS = 1_000;

	private final ManualScheduler scheduler;

	private final JdbcClient jdbc;

	private final List<String> taskNames;

	private JobRunnerByHand(ManualScheduler scheduler, JdbcClient jdbc, List<String> taskNames) {
		this.scheduler = scheduler;
		this.jdbc = jdbc;
		this.taskNames = taskNames;
	}

	/**
	 * The runner's clock starts a day after both the real and the app's clock, so every
	 * job the app enqueued (at the app clock's now) is due.
	 */
	public static JobRunnerByHand over(DataSource dataSource, List<Task<?>> tasks, Instant appNow) {
		Instant later = appNow.isAfter(Instant.now()) ? appNow : Instant.now();
		SettableClock clock = new SettableClock();
		clock.set(later.plus(Duration.ofDays(1)));
		TestHelper.ManualSchedulerBuilder builder = TestHelper
			.createManualScheduler(new TransactionAwareDataSourceProxy(dataSource), tasks)
			.clock(clock);
		builder.serializer(new TextPayloadSerializer());
		ManualScheduler scheduler = builder.build();
		return new JobRunnerByHand(scheduler, JdbcClient.create(dataSource),
				tasks.stream().map(Task::getName).toList());
	}

	/**
	 * Runs every due execution, one after another, in this thread. The runner takes one
	 * batch per poll, so poll until nothing due is left (a failed or deferred run is put
	 * back for later, so it is not due again at once).
	 */
	public void runDue() {
		for (int round = 0; round < MAX_ROUNDS && dueCount() > 0; round++) {
			scheduler.runAnyDueExecutions();
		}
	}

	/** Due executions of the tasks this runner knows (others it could not run). */
	private long dueCount() {
		return jdbc.sql("SELECT task_name FROM scheduled_tasks WHERE picked = FALSE AND execution_time <= ?")
			.param(scheduler.getClock().now().atOffset(ZoneOffset.UTC))
			.query(String.class)
			.list()
			.stream()
			.filter(taskNames::contains)
			.count();
	}

	public void advance(Duration duration) {
		scheduler.tick(duration);
	}

}
