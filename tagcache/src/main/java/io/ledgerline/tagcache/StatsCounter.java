package io.ledgerline.tagcache;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters behind {@link TagCache#stats()}: one adder each, cheap to bump from any
 * thread, read together into a {@link CacheStats} snapshot.
 */
final class StatsCounter {

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private final LongAdder staleServes = new LongAdder();

	private final LongAdder refreshes = new LongAdder();

	private final LongAdder refreshFailures = new LongAdder();

	private final LongAdder evictions = new LongAdder();

	private final LongAdder updateTags = new LongAdder();

	private final LongAdder revalidateTags = new LongAdder();

	private final LongAdder revalidatePaths = new LongAdder();

	void recordHit() {
		hits.increment();
	}

	void recordMiss() {
		misses.increment();
	}

	void recordStaleServe() {
		staleServes.increment();
	}

	void recordRefresh() {
		refreshes.increment();
	}

	void recordRefreshFailure() {
		refreshFailures.increment();
	}

	void recordEviction() {
		evictions.increment();
	}

	void recordInvalidation(Primitive primitive) {
		LongAdder counter = switch (primitive) {
			case UPDATE_TAG -> updateTags;
			case REVALIDATE_TAG -> revalidateTags;
			case REVALIDATE_PATH -> revalidatePaths;
		};
		counter.increment();
	}

	CacheStats snapshot() {
		return new CacheStats(hits.sum(), misses.sum(), staleServes.sum(), refreshes.sum(), refreshFailures.sum(),
				evictions.sum(), updateTags.sum(), revalidateTags.sum(), revalidatePaths.sum());
	}

}
