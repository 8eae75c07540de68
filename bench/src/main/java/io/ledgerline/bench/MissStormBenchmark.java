package io.ledgerline.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.TagCache;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A miss storm: {@value #READERS} reader threads ask for the same
 * {@value #KEYS_PER_STORM} keys, none of them cached yet, at the same moment (a cold
 * start, or a popular page right after its tag was expired). One benchmark operation is
 * one whole storm, from the starting gun until every reader has its values; the counters
 * tell how many times a loader ran per storm ({@value #KEYS_PER_STORM} means perfect
 * single-flight): JMH prints {@code loads} and {@code storms} totals, their ratio is the
 * loads per storm.
 *
 * <p>
 * Compared: tagcache's single-flight, Caffeine's own {@code get(key, loader)} (which also
 * loads once, inside its map's compute), and the naive cache-aside pattern (look up, load
 * on a miss, put) that loads once per reader that misses.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class MissStormBenchmark {

	static final int READERS = 8;
	static final int KEYS_PER_STORM = 4;

	/**
	 * What a load costs. {@code io}: the loading thread waits 200 µs without using the
	 * CPU, like a database round trip, so the other readers run meanwhile and a cache
	 * without single-flight really sends them all to the database. {@code cpu}: the load
	 * burns CPU instead (20,000 JMH tokens, tens of microseconds), so on two cores the
	 * readers mostly queue for the processor.
	 */
	@Param({ "io", "cpu" })
	String loader;

	static final long IO_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
	static final long CPU_TOKENS = 20_000;

	ExecutorService readers;

	TagCache tagCache;

	Cache<String, String> caffeine;

	final AtomicLong generation = new AtomicLong();

	final AtomicLong loads = new AtomicLong();

	/**
	 * Totals over the measured iterations: loader runs and storms. EVENTS counters are
	 * neither divided by time nor averaged, so {@code loads / storms} is the loads per
	 * storm.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class LoadsPerStorm {

		public long loads;

		public long storms;

		@Setup(Level.Iteration)
		public void reset() {
			loads = 0;
			storms = 0;
		}

		void record(long stormLoads) {
			loads += stormLoads;
			storms++;
		}

	}

	@Setup(Level.Trial)
	public void setUp() {
		readers = Executors.newFixedThreadPool(READERS);
		tagCache = TagCache.builder().maximumSize(10_000).instanceId("bench").build();
		caffeine = Caffeine.newBuilder().maximumSize(10_000).build();
	}

	@TearDown(Level.Trial)
	public void tearDown() throws InterruptedException {
		readers.shutdownNow();
		readers.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Benchmark
	public void tagCache(LoadsPerStorm counter) throws InterruptedException {
		List<String> tags = List.of("storm");
		storm(counter, key -> tagCache.get(key, tags, CacheLife.DAYS, () -> load(key)).value());
	}

	@Benchmark
	public void caffeineGet(LoadsPerStorm counter) throws InterruptedException {
		storm(counter, key -> caffeine.get(key, this::load));
	}

	@Benchmark
	public void naiveCacheAside(LoadsPerStorm counter) throws InterruptedException {
		storm(counter, key -> {
			String value = caffeine.getIfPresent(key);
			if (value == null) {
				value = load(key);
				caffeine.put(key, value);
			}
			return value;
		});
	}

	private void storm(LoadsPerStorm counter, Function<String, String> read) throws InterruptedException {
		long before = loads.get();
		String[] keys = new String[KEYS_PER_STORM];
		long gen = generation.incrementAndGet();
		for (int k = 0; k < KEYS_PER_STORM; k++) {
			keys[k] = "storm-" + gen + ":" + k;
		}
		CountDownLatch start = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(READERS);
		for (int r = 0; r < READERS; r++) {
			int first = r % KEYS_PER_STORM;
			readers.execute(() -> {
				try {
					start.await();
					for (int k = 0; k < KEYS_PER_STORM; k++) {
						read.apply(keys[(first + k) % KEYS_PER_STORM]);
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				finally {
					done.countDown();
				}
			});
		}
		start.countDown();
		done.await();
		counter.record(loads.get() - before);
	}

	private String load(String key) {
		loads.incrementAndGet();
		if (loader.equals("io")) {
			LockSupport.parkNanos(IO_WAIT_NANOS);
		}
		else {
			Blackhole.consumeCPU(CPU_TOKENS);
		}
		return "value of " + key;
	}

}
