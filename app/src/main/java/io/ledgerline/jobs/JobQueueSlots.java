package io.ledgerline.jobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A queue's concurrency limit, kept in the database so it holds across instances. A job
 * takes a slot row with {@code FOR UPDATE SKIP LOCKED} in its own transaction and keeps
 * it until that transaction ends: a commit, a rollback or a dead connection (a killed
 * process) all give the slot back, so a crash can never leak one. db-scheduler has no
 * per-task limit of its own.
 */
@Component
public class JobQueueSlots {

	static final int MAX_SLOTS = 64;

	private final JdbcClient jdbc;

	JobQueueSlots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Makes sure the queue has at least its concurrency in slot rows. */
	@Transactional
	public void provision(JobQueue queue) {
		for (int slot = 1; slot <= queue.concurrency(); slot++) {
			jdbc.sql("INSERT INTO job_queue_slots (queue, slot) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(queue.name(), slot)
				.update();
		}
	}

	/**
	 * Takes a free slot for the rest of the current transaction.
	 * @return false when the queue is at its limit (the caller should try again later)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean tryAcquire(JobQueue queue) {
		// One slot at a time: H2 applies LIMIT before SKIP LOCKED, so "the first free
		// slot"
		// in one statement would miss free slots behind a locked one there.
		for (int slot = 1; slot <= queue.concurrency(); slot++) {
			boolean taken = jdbc
				.sql("SELECT slot FROM job_queue_slots WHERE queue = ? AND slot = ? FOR UPDATE SKIP LOCKED")
				.params(queue.name(), slot)
				.query(Integer.class)
				.optional()
				.isPresent();
			if (taken) {
				return true;
			}
		}
		return false;
	}

}
