package io.ledgerline.tagcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.tagcache.testing.ManualExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent misses and concurrent stale reads of one key run the loader once. */
class SingleFlightTest {

	static final int THREADS = 64;
	static final long TIMEOUT_SECONDS = 10;
	static final List<String> TAGS = List.of("t");

	ManualClock clock;

	ManualExecutor refreshes;

	TagCache cache;

	ExecutorService pool;

	@BeforeEach
	void setUp() {
		clock = new ManualClock();
		refreshes = new ManualExecutor();
		cache = TagCache.builder().clock(clock).refreshExecutor(refreshes).instanceId("test").build();
		pool = Executors.newFixedThreadPool(THREADS);
	}

	@AfterEach
	void tearDown() throws InterruptedException {
		pool.shutdownNow();
		assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void sixtyFourThreadsMissingOneKeyRunTheLoaderOnce() throws Exception {
		AtomicInteger loads = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);

		List<Future<Cached<String>>> reads = submitAll(() -> {
			start.await();
			return cache.get("k", TAGS, CacheLife.MINUTES, () -> {
				loads.incrementAndGet();
				// Hold the load until every other reader is blocked on it: all 64 really
				// overlap.
				awaitCondition(() -> cache.waitersFor("k") == THREADS - 1);
				return "v";
			});
		});
		start.countDown();

		List<Cached<String>> results = getAll(reads);
		assertThat(loads).hasValue(1);
		assertThat(results).hasSize(THREADS).allSatisfy(r -> assertThat(r).isSameAs(results.get(0)));
		assertThat(cache.stats().misses()).isEqualTo(THREADS);
		assertThat(cache.stats().hits()).isZero();
		assertThat(cache.get("k", TAGS, CacheLife.MINUTES, () -> "again").value()).isEqualTo("v");
	}

	@Test
	void aLoaderExceptionReachesEveryWaiterOfThatMissAndCachesNothing() throws Exception {
		int waiters = 8;
		AtomicInteger loads = new AtomicInteger();
		IllegalStateException boom = new IllegalStateException("boom");
		CountDownLatch leaderIn = new CountDownLatch(1);

		Future<Cached<String>> leader = pool.submit(() -> cache.get("k", TAGS, CacheLife.MINUTES, () -> {
			loads.incrementAndGet();
			leaderIn.countDown();
			awaitCondition(() -> cache.waitersFor("k") == waiters);
			throw boom;
		}));
		assertThat(leaderIn.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		List<Future<Cached<String>>> reads = new ArrayList<>();
		for (int i = 0; i < waiters; i++) {
			reads.add(pool.submit(() -> cache.get("k", TAGS, CacheLife.MINUTES, () -> "v" + loads.incrementAndGet())));
		}

		assertThatFailsWith(leader, boom);
		for (Future<Cached<String>> read : reads) {
			assertThatFailsWith(read, boom);
		}
		assertThat(loads).as("the waiters' loaders never ran").hasValue(1);
		assertThat(cache.estimatedSize()).isZero();
		assertThat(cache.get("k", TAGS, CacheLife.MINUTES, () -> "v" + loads.incrementAndGet()).value())
			.as("the next miss loads anew")
			.isEqualTo("v2");
	}

	@Test
	void manyConcurrentStaleReadsStartExactlyOneRefresh() throws Exception {
		AtomicInteger loads = new AtomicInteger();
		cache.get("k", TAGS, CacheLife.MINUTES, () -> "v" + loads.incrementAndGet());
		clock.advance(Duration.ofMinutes(2));
		CountDownLatch start = new CountDownLatch(1);

		List<Future<Cached<String>>> reads = submitAll(() -> {
			start.await();
			return cache.get("k", TAGS, CacheLife.MINUTES, () -> "v" + loads.incrementAndGet());
		});
		start.countDown();
		List<Cached<String>> results = getAll(reads);

		assertThat(results).extracting(Cached::value).containsOnly("v1");
		assertThat(refreshes.pendingCount()).isEqualTo(1);
		assertThat(refreshes.runPending()).isEqualTo(1);
		assertThat(loads).hasValue(2);
		assertThat(cache.get("k", TAGS, CacheLife.MINUTES, () -> "unused").value()).isEqualTo("v2");
		assertThat(cache.stats().refreshes()).isEqualTo(1);
		assertThat(cache.stats().staleServes()).isEqualTo(THREADS);
	}

	@Test
	void staleReadsDuringARunningRefreshAreServedAtOnce() throws Exception {
		TagCache realPool = TagCache.builder().clock(clock).instanceId("test").refreshExecutor(pool).build();
		realPool.get("k", TAGS, CacheLife.MINUTES, () -> "v1");
		clock.advance(Duration.ofMinutes(2));
		CountDownLatch refreshIn = new CountDownLatch(1);
		CountDownLatch releaseRefresh = new CountDownLatch(1);
		AtomicInteger refreshLoads = new AtomicInteger();
		java.util.function.Supplier<String> slowLoader = () -> {
			refreshLoads.incrementAndGet();
			refreshIn.countDown();
			await(releaseRefresh);
			return "v2";
		};

		assertThat(realPool.get("k", TAGS, CacheLife.MINUTES, slowLoader).value()).isEqualTo("v1");
		assertThat(refreshIn.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 100; i++) {
			assertThat(realPool.get("k", TAGS, CacheLife.MINUTES, slowLoader).value()).isEqualTo("v1");
		}
		releaseRefresh.countDown();
		awaitCondition(() -> realPool.get("k", TAGS, CacheLife.MINUTES, slowLoader).value().equals("v2"));

		assertThat(refreshLoads).hasValue(1);
		assertThat(realPool.stats().refreshes()).isEqualTo(1);
	}

	private <T> List<Future<T>> submitAll(Callable<T> task) {
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			futures.add(pool.submit(task));
		}
		return futures;
	}

	private static <T> List<T> getAll(List<Future<T>> futures) throws Exception {
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
		}
		return results;
	}

	private static void assertThatFailsWith(Future<?> future, Throwable expected) throws Exception {
		try {
			future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException e) {
			assertThat(e.getCause()).isSameAs(expected);
			return;
		}
		throw new AssertionError("expected " + expected);
	}

	/**
	 * Spins (yielding) until {@code condition} holds; fails after the timeout rather than
	 * hang.
	 */
	static void awaitCondition(java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for a condition");
			}
			Thread.yield();
		}
	}

	static void await(CountDownLatch latch) {
		try {
			if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				throw new AssertionError("timed out waiting for a latch");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", e);
		}
	}

}
