package io.ledgerline.summary;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.ledgerline.jobs.JobRuns;
import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;

/**
 * The recompute job on the runner, and the schedule that reconciles every org.
 *
 * <p>
 * A run validates its payload first (a refused payload is dropped: no read, no write, no
 * log, no retry), then recomputes in one transaction as a {@code job} (so the cache logs
 * the invalidation with that source and refuses {@code updateTag}). A run that throws
 * rolls back whole and is retried later by the runner; so is one whose process dies
 * mid-run (the runner revives executions whose heartbeat stopped).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SummaryJobProperties.class)
class SummaryRecomputeJob {

	private static final Logger log = LoggerFactory.getLogger(SummaryRecomputeJob.class);

	static final String RECONCILIATION = "summary-reconciliation";

	@Bean
	CustomTask<String> summaryRecomputeTask(SummaryJobs jobs, SummaryRecompute recompute, JobRuns runs,
			SummaryJobProperties properties, Clock clock) {
		Runner runner = new Runner(jobs, recompute, runs, properties, clock);
		return Tasks.custom(SummaryJobs.TASK, String.class)
			.onFailure(new FailureHandler.MaxRetriesFailureHandler<>(properties.maxRetries(),
					new FailureHandler.OnFailureRetryLater<>(properties.retryDelay())))
			.execute(runner::run);
	}

	@Bean
	@ConditionalOnProperty(name = "ledgerline.jobs.summary.reconciliation.enabled", havingValue = "true",
			matchIfMissing = true)
	RecurringTask<Void> summaryReconciliationTask(SummaryJobs jobs, SummaryJobProperties properties) {
		return Tasks.recurring(RECONCILIATION, Schedules.cron(properties.reconciliation().cron()))
			.execute((instance, context) -> log.info("Reconciliation: queued a summary recompute for {} orgs",
					jobs.enqueueAll()));
	}

	/** One execution of the recompute task. */
	static final class Runner {

		private final SummaryJobs jobs;

		private final SummaryRecompute recompute;

		private final JobRuns runs;

		private final SummaryJobProperties properties;

		private final Clock clock;

		Runner(SummaryJobs jobs, SummaryRecompute recompute, JobRuns runs, SummaryJobProperties properties,
				Clock clock) {
			this.jobs = jobs;
			this.recompute = recompute;
			this.runs = runs;
			this.properties = properties;
			this.clock = clock;
		}

		CompletionHandler<String> run(TaskInstance<String> task, ExecutionContext context) {
			SummaryJobPayload payload;
			try {
				payload = jobs.validated(SummaryJobPayload.parse(task.getData()));
			}
			catch (InvalidJobPayloadException refused) {
				log.warn("Summary recompute {} refused, not retried: {}", task.getId(), refused.getMessage());
				return new CompletionHandler.OnCompleteRemove<>();
			}
			// The scheduler that picked this execution: which instance ran it.
			String instance = context.getExecution().pickedBy;
			Instant startedAt = clock.instant();
			long start = System.nanoTime();
			Optional<RecomputeResult> result;
			try (InvocationScope scope = TagCache.openScope(InvocationSource.JOB)) {
				result = recompute.run(jobs.queue(), payload.orgId());
			}
			catch (RuntimeException failure) {
				runs.failed(SummaryJobs.TASK, payload.orgId(), startedAt, millisSince(start), describe(failure),
						instance);
				throw failure;
			}
			if (result.isEmpty()) {
				// The queue is at its limit: not a failure, just not yet.
				return (complete, operations) -> operations.reschedule(complete,
						complete.getTimeDone().plus(properties.busyDelay()));
			}
			RecomputeResult done = result.get();
			runs.done(SummaryJobs.TASK, done.orgId(), startedAt, millisSince(start), done.activeCount(),
					done.activeTotal(), instance);
			return new CompletionHandler.OnCompleteRemove<>();
		}

		private static long millisSince(long start) {
			return (System.nanoTime() - start) / 1_000_000;
		}

		private static String describe(RuntimeException failure) {
			return failure.getClass().getSimpleName() + ": " + failure.getMessage();
		}

	}

}
