package io.ledgerline.summary;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import org.springframework.stereotype.Service;

import io.ledgerline.jobs.JobQueue;
import io.ledgerline.jobs.JobQueueSlots;
import io.ledgerline.jobs.JobRun;
import io.ledgerline.jobs.JobRuns;
import io.ledgerline.jobs.JobSubmitter;

/**
 * The summary feature's jobs, as the rest of the app sees them: ask for a recompute of an
 * org, read its recent runs.
 *
 * <p>
 * Triggers are de-duplicated per org by the job's instance id: while an org's recompute
 * waits, more triggers add nothing. While it runs, the first further trigger queues one
 * follow-up (its count must include what changed after the running one counted) and the
 * rest add nothing, so a burst of triggers costs at most one more recompute.
 */
@Service
public class SummaryJobs {

	public static final String TASK = "summary-recompute";

	static final String FOLLOW_UP = "#again";

	/** What a trigger did. */
	public enum Enqueued {

		/** A recompute is now waiting for the runner. */
		QUEUED,
		/** The org's recompute is running; one more will run after it. */
		QUEUED_AFTER_RUNNING,
		/** A recompute for the org was already waiting: this trigger is part of it. */
		ALREADY_QUEUED

	}

	private final JobSubmitter submitter;

	private final SummaryRepository summaries;

	private final JobRuns runs;

	private final JobQueue queue;

	private final Clock clock;

	SummaryJobs(JobSubmitter submitter, SummaryRepository summaries, JobRuns runs, JobQueueSlots slots,
			SummaryJobProperties properties, Clock clock) {
		this.submitter = submitter;
		this.summaries = summaries;
		this.runs = runs;
		this.queue = new JobQueue("summary", properties.concurrency());
		this.clock = clock;
		slots.provision(queue);
	}

	/**
	 * Asks for a recompute of the org's summary.
	 * @throws InvalidJobPayloadException for a blank, malformed or unknown org id
	 * (nothing is enqueued)
	 */
	public Enqueued enqueue(String orgId) {
		SummaryJobPayload payload = validated(SummaryJobPayload.of(orgId));
		Instant now = clock.instant();
		// A run that ends between the two steps below frees its id; then try again.
		for (int attempt = 0; attempt < 3; attempt++) {
			if (submitter.submitIfAbsent(new TaskInstance<>(TASK, orgId, payload.toJson()), now)) {
				return Enqueued.QUEUED;
			}
			Optional<ScheduledExecution<Object>> existing = submitter.find(TaskInstanceId.of(TASK, orgId));
			if (existing.isEmpty()) {
				continue;
			}
			if (!existing.get().isPicked()) {
				return Enqueued.ALREADY_QUEUED;
			}
			return submitter.submitIfAbsent(new TaskInstance<>(TASK, orgId + FOLLOW_UP, payload.toJson()), now)
					? Enqueued.QUEUED_AFTER_RUNNING : Enqueued.ALREADY_QUEUED;
		}
		return Enqueued.ALREADY_QUEUED;
	}

	/** A recompute for every org (the reconciliation schedule). */
	int enqueueAll() {
		List<String> orgIds = summaries.orgIds();
		orgIds.forEach(this::enqueue);
		return orgIds.size();
	}

	public List<JobRun> recentRuns(String orgId, int limit) {
		return runs.recent(orgId, limit);
	}

	JobQueue queue() {
		return queue;
	}

	/**
	 * The rest of the boundary: the org must exist. Read from {@code orgs} only, before
	 * the job touches anything else.
	 */
	SummaryJobPayload validated(SummaryJobPayload payload) {
		if (!summaries.orgExists(payload.orgId())) {
			throw new InvalidJobPayloadException("Unknown org \"" + payload.orgId() + "\".");
		}
		return payload;
	}

}
