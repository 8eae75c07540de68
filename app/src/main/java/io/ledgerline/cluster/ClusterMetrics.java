package io.ledgerline.cluster;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.ledgerline.tagcache.redis.RedisRefreshCoordinator;
import io.ledgerline.tagcache.redis.RedisRefreshCoordinator.Counts;

import io.ledgerline.tagcache.jdbc.JournalFollower;
import io.ledgerline.tagcache.jdbc.JournalGaps;
import io.ledgerline.tagcache.jdbc.JournalPruner;

/**
 * The cluster's meters: how often this instance condemned its whole cache (behind the
 * retention window, behind Redis, or unable to wait for a gap), how many journal rows it
 * pruned, where it is in the journal, what its catch-ups cost and deliver, its gaps, and
 * how its shared refreshes were decided.
 */
class ClusterMetrics implements MeterBinder {

	private final JournalFollower follower;

	private final JournalPruner pruner;

	private final RedisRefreshCoordinator refreshes;

	ClusterMetrics(JournalFollower follower, JournalPruner pruner, RedisRefreshCoordinator refreshes) {
		this.follower = follower;
		this.pruner = pruner;
		this.refreshes = refreshes;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		condemned(registry, "journal-pruned", JournalFollower::journalGaps);
		condemned(registry, "redis-trimmed", JournalFollower::redisGaps);
		condemned(registry, "journal-gaps-lost", JournalFollower::lostGaps);
		FunctionCounter.builder("ledgerline.cluster.journal.pruned", pruner, JournalPruner::prunedRows)
			.description("Journal rows this instance deleted as older than the retention")
			.register(registry);
		Gauge.builder("ledgerline.cluster.journal.position", follower, JournalFollower::position)
			.description("The highest journal position this instance has read")
			.register(registry);
		FunctionTimer
			.builder("ledgerline.cluster.journal.catch-up", follower, JournalFollower::catchUps,
					JournalFollower::catchUpSeconds, TimeUnit.SECONDS)
			.description("Journal reads for a causal token, a reconnect or an outage's poll")
			.register(registry);
		FunctionCounter.builder("ledgerline.cluster.journal.delivered", follower, JournalFollower::delivered)
			.description("Journal rows applied to this instance's cache")
			.register(registry);
		JournalGaps gaps = follower.gaps();
		Gauge.builder("ledgerline.cluster.journal.gaps", gaps, JournalGaps::size)
			.description("Journal positions below the one read that have not appeared yet")
			.register(registry);
		gapsClosed(registry, gaps, "filled", JournalGaps::filled);
		gapsClosed(registry, gaps, "timed-out", JournalGaps::timedOut);
		gapsClosed(registry, gaps, "lost", JournalGaps::lost);
		sharedRefreshes(registry, "lead", Counts::leads);
		sharedRefreshes(registry, "follow", Counts::follows);
		sharedRefreshes(registry, "take", Counts::takes);
		sharedRefreshes(registry, "alone", Counts::alone);
		sharedRefreshes(registry, "received", Counts::received);
	}

	private void sharedRefreshes(MeterRegistry registry, String outcome, ToDoubleFunction<Counts> count) {
		FunctionCounter
			.builder("ledgerline.cluster.refreshes", refreshes,
					coordinator -> count.applyAsDouble(coordinator.counts()))
			.description("Claims of a shared refresh: led here (this instance ran the loader), followed another's"
					+ " lease, took another's kept result, alone (Redis unreachable); received: results of other"
					+ " instances delivered here")
			.tag("outcome", outcome)
			.register(registry);
	}

	private static void gapsClosed(MeterRegistry registry, JournalGaps gaps, String outcome,
			ToDoubleFunction<JournalGaps> count) {
		FunctionCounter.builder("ledgerline.cluster.journal.gaps.closed", gaps, count)
			.description("Journal gaps whose row appeared (filled), given up as rolled back (timed-out), or whose"
					+ " row may be gone unseen (lost: the cache was condemned)")
			.tag("outcome", outcome)
			.register(registry);
	}

	private void condemned(MeterRegistry registry, String cause, ToDoubleFunction<JournalFollower> count) {
		FunctionCounter.builder("ledgerline.cluster.cache.condemned", follower, count)
			.description("Times this instance condemned its whole cache, by cause")
			.tag("cause", cause)
			.register(registry);
	}

}
