package io.ledgerline.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import io.ledgerline.jobs.TextPayloadSerializer;
import io.ledgerline.summary.SummaryJobs.Enqueued;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.JobRunnerByHand;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * The queue's promises: a burst of triggers for one org is coalesced (at most one more
 * recompute while one runs), and no more recomputes run at once than the configured limit
 * (2 here, the default), on a real multi-threaded scheduler.
 */
@IntegrationTest
class SummaryJobQueueTests {

	private static final Duration BOUND = Duration.ofSeconds(20);

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
	SummaryRecompute recompute;

	@Autowired
	SummaryJobProperties properties;

	SummaryJobTestSupport db;

	JobRunnerByHand runner;

	@BeforeEach
	void setUp() {
		db = new SummaryJobTestSupport(jdbc);
		runner = JobRunnerByHand.over(dataSource, tasks, clock.instant());
	}

	@AfterEach
	void removeHook() {
		recompute.afterCount(null);
	}

	@Test
	void aBurstOfTriggersForOneWaitingOrgIsOneRecompute() {
		TestOrg org = fixtures.org();
		List<Enqueued> answers = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			answers.add(jobs.enqueue(org.id()));
		}

		assertThat(answers.get(0)).isEqualTo(Enqueued.QUEUED);
		assertThat(answers.subList(1, 100)).containsOnly(Enqueued.ALREADY_QUEUED);
		assertThat(db.pendingFor(org.id())).containsExactly(org.id());
		runner.runDue();
		assertThat(db.runOutcomes(org.id())).containsExactly("done");
	}

	@Test
	void aBurstWhileARecomputeRunsLeadsToAtMostOneMore() throws Exception {
		TestOrg org = fixtures.org();
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		recompute.afterCount(orgId -> {
			if (orgId.equals(org.id()) && entered.getCount() > 0) {
				entered.countDown();
				await(release);
			}
		});
		jobs.enqueue(org.id());
		Thread running = new Thread(runner::runDue, "job-runner-under-test");
		running.start();
		assertThat(entered.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();

		List<Enqueued> answers = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			answers.add(jobs.enqueue(org.id()));
		}
		release.countDown();
		running.join(BOUND.toMillis());

		assertThat(answers.get(0)).isEqualTo(Enqueued.QUEUED_AFTER_RUNNING);
		assertThat(answers.subList(1, 100)).containsOnly(Enqueued.ALREADY_QUEUED);
		runner.runDue();
		runner.runDue();
		assertThat(db.runOutcomes(org.id())).containsExactly("done", "done");
		assertThat(db.pendingFor(org.id())).isEmpty();
	}

	@Test
	void noMoreRecomputesRunAtOnceThanTheLimit() throws Exception {
		int limit = properties.concurrency();
		assertThat(limit).isEqualTo(2);
		List<TestOrg> orgs = List.of(fixtures.org(), fixtures.org(), fixtures.org(), fixtures.org(), fixtures.org());
		Set<String> ids = Set.copyOf(orgs.stream().map(TestOrg::id).toList());
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger maxInFlight = new AtomicInteger();
		CountDownLatch full = new CountDownLatch(limit);
		CountDownLatch release = new CountDownLatch(1);
		recompute.afterCount(orgId -> {
			if (!ids.contains(orgId)) {
				return;
			}
			maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			full.countDown();
			await(release);
			inFlight.decrementAndGet();
		});
		orgs.forEach(org -> jobs.enqueue(org.id()));
		Scheduler scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
			.threads(orgs.size())
			.pollingInterval(Duration.ofMillis(100))
			.serializer(new TextPayloadSerializer())
			.schedulerName(new SchedulerName.Fixed("queue-test"))
			.build();
		scheduler.start();
		try {
			assertThat(full.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
			// The others found the queue full and were put back to wait, without running.
			Awaitility.await().atMost(BOUND).until(() -> deferred(ids) >= orgs.size() - limit);
			assertThat(inFlight.get()).isEqualTo(limit);
			release.countDown();
			Awaitility.await()
				.atMost(BOUND)
				.until(() -> orgs.stream().allMatch(org -> db.runOutcomes(org.id()).equals(List.of("done"))));
		}
		finally {
			release.countDown();
			scheduler.stop();
		}
		assertThat(maxInFlight.get()).isEqualTo(limit);
	}

	/** Recomputes of these orgs waiting again after the queue turned them away. */
	private int deferred(Set<String> orgIds) {
		return jdbc.sql("""
				SELECT task_instance FROM scheduled_tasks
				WHERE task_name = ? AND picked = FALSE AND last_success IS NOT NULL""")
			.param(SummaryJobs.TASK)
			.query(String.class)
			.list()
			.stream()
			.filter(orgIds::contains)
			.toList()
			.size();
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(BOUND.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("the test never released the recompute");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
