package io.ledgerline.tagcache.testing;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * An {@link Executor} that only queues: tasks run when the test calls
 * {@link #runPending()}. Makes background refreshes deterministic: a test can see that
 * exactly one was scheduled, read while it is pending, then let it run. Thread-safe.
 */
public final class ManualExecutor implements Executor {

	private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();

	@Override
	public void execute(Runnable task) {
		pending.add(Objects.requireNonNull(task, "task"));
	}

	/** How many tasks wait to be run. */
	public int pendingCount() {
		return pending.size();
	}

	/**
	 * Runs the queued tasks on the calling thread, including any they enqueue; returns
	 * how many ran.
	 */
	public int runPending() {
		int ran = 0;
		Runnable task;
		while ((task = pending.poll()) != null) {
			task.run();
			ran++;
		}
		return ran;
	}

}
