package io.ledgerline.jobs;

/**
 * A code-defined queue: its name and how many of its jobs may run at once across every
 * instance sharing the database.
 */
public record JobQueue(String name, int concurrency) {

	public JobQueue {
		if (name == null || name.isBlank() || name.length() > 40) {
			throw new IllegalArgumentException("A queue needs a name of 1 to 40 characters");
		}
		if (concurrency < 1 || concurrency > JobQueueSlots.MAX_SLOTS) {
			throw new IllegalArgumentException(
					"A queue's concurrency must be between 1 and " + JobQueueSlots.MAX_SLOTS + ": " + concurrency);
		}
	}

}
