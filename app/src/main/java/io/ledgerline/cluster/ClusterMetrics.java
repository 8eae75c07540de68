package io.ledgerline.cluster;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The cluster's meters: how often this instance fell behind the retention window (and
 * condemned its whole cache), how many journal rows it pruned, and where it is in the
 * journal.
 */
class ClusterMetrics implements MeterBinder {

	private final JournalFollower follower;

	private final JournalPruner pruner;

	ClusterMetrics(JournalFollower follower, JournalPruner pruner) {
		this.follower = follower;
		this.pruner = pruner;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		condemned(registry, "journal-pruned", JournalFollower::journalGaps);
		condemned(registry, "redis-trimmed", JournalFollower::redisGaps);
		FunctionCounter.builder("ledgerline.cluster.journal.pruned", pruner, JournalPruner::prunedRows)
			.description("Journal rows this instance deleted as older than the retention")
			.register(registry);
		Gauge.builder("ledgerline.cluster.journal.position", follower, JournalFollower::position)
			.description("The journal position up to which this instance has applied every row")
			.register(registry);
	}

	private void condemned(MeterRegistry registry, String cause, ToDoubleFunction<JournalFollower> count) {
		FunctionCounter.builder("ledgerline.cluster.cache.condemned", follower, count)
			.description("Times this instance fell behind the retention window and condemned its whole cache")
			.tag("cause", cause)
			.register(registry);
	}

}
