package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads that run stale-while-revalidate refreshes off the request threads.
 * Deliberately not an {@link Executor} bean: one would make Spring Boot back off from its
 * own {@code applicationTaskExecutor}.
 */
final class RefreshThreads implements AutoCloseable {

	private final ExecutorService pool;

	RefreshThreads(int threads) {
		AtomicInteger count = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(threads, task -> {
			Thread thread = new Thread(task, "tagcache-refresh-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	Executor executor() {
		return pool;
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}

}
