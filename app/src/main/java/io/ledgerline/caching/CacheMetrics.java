package io.ledgerline.caching;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

import io.ledgerline.tagcache.CacheStats;
import io.ledgerline.tagcache.TagCache;

/** Exports the cache's counters as {@code tagcache.*} meters (see /actuator/metrics). */
@Component
class CacheMetrics implements MeterBinder {

	private final TagCache cache;

	CacheMetrics(TagCache cache) {
		this.cache = cache;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		counter(registry, "tagcache.reads", "result", "hit", CacheStats::hits);
		counter(registry, "tagcache.reads", "result", "miss", CacheStats::misses);
		counter(registry, "tagcache.reads", "result", "stale", CacheStats::staleServes);
		counter(registry, "tagcache.refreshes", "outcome", "started", CacheStats::refreshes);
		counter(registry, "tagcache.refreshes", "outcome", "failed", CacheStats::refreshFailures);
		counter(registry, "tagcache.evictions", "cause", "size", CacheStats::evictions);
		counter(registry, "tagcache.invalidations", "primitive", "updateTag", CacheStats::updateTags);
		counter(registry, "tagcache.invalidations", "primitive", "revalidateTag", CacheStats::revalidateTags);
		counter(registry, "tagcache.invalidations", "primitive", "revalidatePath", CacheStats::revalidatePaths);
		Gauge.builder("tagcache.size", cache, TagCache::estimatedSize).description("Entries held").register(registry);
		Gauge.builder("tagcache.weight", cache, TagCache::weightedSize)
			.description("Estimated bytes held by data and rendered pages")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder("tagcache.weight.max", cache, TagCache::maximumWeight)
			.description("The cache's memory budget (ledgerline.cache.max-bytes)")
			.baseUnit("bytes")
			.register(registry);
	}

	private void counter(MeterRegistry registry, String name, String tagKey, String tagValue,
			ToDoubleFunction<CacheStats> read) {
		FunctionCounter.builder(name, cache, c -> read.applyAsDouble(c.stats()))
			.tag(tagKey, tagValue)
			.register(registry);
	}

}
