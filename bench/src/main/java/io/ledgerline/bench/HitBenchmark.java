package io.ledgerline.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of a cache hit: {@link TagCache#get} (argument checks, Caffeine lookup, clock
 * read, age and tag-epoch checks) against a raw Caffeine {@code getIfPresent} and
 * Caffeine's own {@code get(key, loader)} on the same 1,024 warm keys, each with two
 * tags; and, as a baseline, one read of the system clock.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class HitBenchmark {

	static final int KEYS = 1 << 10;
	static final int MASK = KEYS - 1;

	String[] keys;

	List<String>[] tags;

	TagCache tagCache;

	Cache<String, String> caffeine;

	final AtomicLong loads = new AtomicLong();

	final Clock clock = Clock.systemUTC();

	@State(Scope.Thread)
	public static class Cursor {

		int next;

		int advance() {
			return next++ & MASK;
		}

	}

	@Setup(Level.Trial)
	@SuppressWarnings("unchecked")
	public void setUp() {
		keys = new String[KEYS];
		tags = new List[KEYS];
		tagCache = TagCache.builder().maximumSize(10_000).instanceId("bench").build();
		caffeine = Caffeine.newBuilder().maximumSize(10_000).build();
		for (int i = 0; i < KEYS; i++) {
			keys[i] = "invoice:" + i;
			tags[i] = List.of("org:" + (i % 16) + ":invoices", "org:" + (i % 16) + ":invoice:" + i);
			String value = "value-" + i;
			tagCache.get(keys[i], tags[i], CacheLife.DAYS, () -> value);
			caffeine.put(keys[i], value);
		}
		loads.set(0);
	}

	@TearDown(Level.Trial)
	public void checkEveryReadWasAHit() {
		if (loads.get() != 0) {
			throw new IllegalStateException("a hit benchmark ran " + loads.get() + " loads");
		}
	}

	@Benchmark
	public Cached<String> tagCacheGet(Cursor cursor) {
		int i = cursor.advance();
		return tagCache.get(keys[i], tags[i], CacheLife.DAYS, this::countedLoad);
	}

	@Benchmark
	public String caffeineGetIfPresent(Cursor cursor) {
		return caffeine.getIfPresent(keys[cursor.advance()]);
	}

	@Benchmark
	public String caffeineGetWithLoader(Cursor cursor) {
		return caffeine.get(keys[cursor.advance()], key -> countedLoad());
	}

	/**
	 * Baseline: one read of the default clock. A TagCache hit reads it twice (its own age
	 * check, Caffeine's ticker).
	 */
	@Benchmark
	public Instant systemClockInstant() {
		return clock.instant();
	}

	private String countedLoad() {
		loads.incrementAndGet();
		return "loaded";
	}

}
