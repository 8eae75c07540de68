package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.ledgerline.tagcache.CacheStats;
import io.ledgerline.tagcache.TagCache;

/**
 * The cache's counters and sizes as {@code tagcache.*} meters, and the bus's state as
 * {@code tagcache.bus.*}.
 */
final class TagCacheMetrics implements MeterBinder {

	private final TagCache cache;

	private final BusMonitor bus;

	private final boolean boundedByWeight;

	/**
	 * @param boundedByWeight whether {@code tagcache.maximum-weight} is set, so the
	 * weight meters are in bytes (otherwise they count entries and carry no unit)
	 */
	TagCacheMetrics(TagCache cache, BusMonitor bus, boolean boundedByWeight) {
		this.cache = cache;
		this.bus = bus;
		this.boundedByWeight = boundedByWeight;
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
			.description(boundedByWeight ? "Estimated bytes held" : "Entries held (the cache is bounded by entries)")
			.baseUnit(boundedByWeight ? "bytes" : null)
			.register(registry);
		Gauge.builder("tagcache.weight.max", cache, TagCache::maximumWeight)
			.description(boundedByWeight ? "The cache's memory budget (tagcache.maximum-weight)"
					: "The most entries held (tagcache.maximum-size)")
			.baseUnit(boundedByWeight ? "bytes" : null)
			.register(registry);
		Gauge.builder("tagcache.bus.connected", bus, monitor -> monitor.isConnected() ? 1 : 0)
			.description("1 while the invalidation bus carries invalidations")
			.tag("bus", bus.type())
			.register(registry);
		FunctionCounter.builder("tagcache.bus.received", bus, BusMonitor::received)
			.description("Invalidations of other instances delivered here")
			.tag("bus", bus.type())
			.register(registry);
	}

	private void counter(MeterRegistry registry, String name, String tagKey, String tagValue,
			ToDoubleFunction<CacheStats> read) {
		FunctionCounter.builder(name, cache, c -> read.applyAsDouble(c.stats()))
			.tag(tagKey, tagValue)
			.register(registry);
	}

}
