package io.ledgerline.jobs;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

/**
 * Puts task instances into the job table. The instance id is the de-duplication key: a
 * second submission of an id that is already there (waiting or running) adds nothing.
 */
public class JobSubmitter {

	private final Supplier<SchedulerClient> clientFactory;

	private volatile SchedulerClient client;

	/**
	 * The client is built on first use: it needs every task (to read rows back), and a
	 * recurring task may itself enqueue through this.
	 */
	JobSubmitter(Supplier<SchedulerClient> clientFactory) {
		this.clientFactory = clientFactory;
	}

	/**
	 * @return true if it was added, false if that instance already exists
	 */
	public boolean submitIfAbsent(TaskInstance<?> instance, Instant runAt) {
		return client().scheduleIfNotExists(instance, runAt);
	}

	public Optional<ScheduledExecution<Object>> find(TaskInstanceId id) {
		return client().getScheduledExecution(id);
	}

	private SchedulerClient client() {
		SchedulerClient current = client;
		if (current == null) {
			synchronized (this) {
				if (client == null) {
					client = clientFactory.get();
				}
				current = client;
			}
		}
		return current;
	}

}
