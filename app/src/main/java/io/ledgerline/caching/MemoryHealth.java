package io.ledgerline.caching;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.ledgerline.tagcache.TagCache;

/**
 * Whether the instance has the memory it needs, in {@code /actuator/health}: DOWN when
 * the cache holds more than its budget (it evicts to stay within it, so this means an
 * entry the weigher underestimates or a bug), or when the JVM spent most of the last
 * minute collecting garbage — a full heap answers requests at a crawl while every other
 * check still says UP.
 */
class MemoryHealth implements HealthIndicator {

	/** Collecting more than this share of the wall time is thrashing, not working. */
	static final double MOST_GC_SHARE = 0.5;

	/** The GC share is measured over about this long. */
	static final Duration WINDOW = Duration.ofMinutes(1);

	/** Caffeine evicts after a write, so the weight may be briefly a little above. */
	private static final double BUDGET_SLACK = 1.05;

	private final LongSupplier cacheBytes;

	private final LongSupplier cacheBudget;

	private final Clock clock;

	private final LongSupplier gcMillis;

	/** GC time at earlier health checks, oldest first, reaching back about a window. */
	private final Deque<Sample> samples = new ArrayDeque<>();

	MemoryHealth(TagCache cache, Clock clock) {
		this(cache::weightedSize, cache::maximumWeight, clock, MemoryHealth::totalGcMillis);
	}

	MemoryHealth(LongSupplier cacheBytes, LongSupplier cacheBudget, Clock clock, LongSupplier gcMillis) {
		this.cacheBytes = cacheBytes;
		this.cacheBudget = cacheBudget;
		this.clock = clock;
		this.gcMillis = gcMillis;
	}

	@Override
	public Health health() {
		long weight = this.cacheBytes.getAsLong();
		long budget = this.cacheBudget.getAsLong();
		double gcShare = gcShare();
		boolean overBudget = weight > budget * BUDGET_SLACK;
		boolean thrashing = gcShare > MOST_GC_SHARE;
		Health.Builder health = (overBudget || thrashing) ? Health.down() : Health.up();
		health.withDetail("cacheBytes", weight).withDetail("cacheBudgetBytes", budget);
		health.withDetail("gcShareLastMinute", Math.round(gcShare * 1000) / 1000.0);
		if (overBudget) {
			health.withDetail("reason", "the cache holds more than its budget (ledgerline.cache.max-bytes)");
		}
		else if (thrashing) {
			health.withDetail("reason",
					"the JVM spent most of the last minute collecting garbage: the heap is too small");
		}
		return health.build();
	}

	/** The share of wall time spent in GC since the oldest sample within the window. */
	private synchronized double gcShare() {
		Instant now = this.clock.instant();
		Sample current = new Sample(now, this.gcMillis.getAsLong());
		while (this.samples.size() > 1 && Duration.between(this.samples.peekFirst().at(), now).compareTo(WINDOW) > 0
				&& Duration.between(secondOldest().at(), now).compareTo(WINDOW) >= 0) {
			this.samples.removeFirst();
		}
		Sample oldest = this.samples.isEmpty() ? current : this.samples.peekFirst();
		// One sample a second is plenty for a one-minute window, however often health is
		// asked.
		if (this.samples.isEmpty()
				|| Duration.between(this.samples.peekLast().at(), now).compareTo(Duration.ofSeconds(1)) >= 0) {
			this.samples.addLast(current);
		}
		long wall = Duration.between(oldest.at(), now).toMillis();
		if (wall <= 0) {
			return 0;
		}
		return Math.min(1, (double) (current.gcMillis() - oldest.gcMillis()) / wall);
	}

	private Sample secondOldest() {
		var iterator = this.samples.iterator();
		iterator.next();
		return iterator.next();
	}

	private static long totalGcMillis() {
		long total = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, collector.getCollectionTime());
		}
		return total;
	}

	private record Sample(Instant at, long gcMillis) {
	}

}
