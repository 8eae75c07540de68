package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.CacheStats;
import io.ledgerline.tagcache.InvalidationEvent;
import io.ledgerline.tagcache.TagCache;

/**
 * {@code /actuator/tagcache}: what the cache holds, how well it serves, the bus's state
 * and the latest invalidations; a {@code POST} revalidates one tag (as a job would:
 * stale-while-revalidate). Exposed and secured like any other endpoint
 * ({@code management.endpoints.web.exposure.include}, the application's security).
 */
@Endpoint(id = "tagcache")
public class TagCacheEndpoint {

	/** The profile a revalidation uses when the request names none. */
	static final String DEFAULT_PROFILE = "max";

	private final TagCache cache;

	private final BusMonitor bus;

	private final RecentInvalidations recent;

	TagCacheEndpoint(TagCache cache, BusMonitor bus, RecentInvalidations recent) {
		this.cache = cache;
		this.bus = bus;
		this.recent = recent;
	}

	@ReadOperation
	public Report report() {
		CacheStats stats = cache.stats();
		long reads = stats.requests();
		Double hitRatio = reads == 0 ? null : (double) (stats.hits() + stats.staleServes()) / reads;
		Instant lastReceived = bus.lastReceivedAt();
		return new Report(cache.instanceId(), cache.estimatedSize(), cache.weightedSize(), cache.maximumWeight(),
				hitRatio, stats,
				new Bus(bus.type(), bus.isConnected(), bus.received(),
						lastReceived == null ? null : lastReceived.toString(),
						bus.lastLag() == null ? null : bus.lastLag().toMillis()),
				recent.latest().stream().map(TagCacheEndpoint::invalidation).toList());
	}

	/**
	 * Marks {@code tag} stale: the next read of each of its entries is served the old
	 * value and refreshes in the background.
	 * @param tag the tag, not blank
	 * @param profile how long the old entries may still be served (a profile's
	 * {@code expire}); default {@code max}
	 */
	@WriteOperation
	public Revalidated revalidate(String tag, @Nullable String profile) {
		if (tag == null || tag.isBlank()) {
			throw new InvalidEndpointRequestException("tag must not be blank", "tag must not be blank");
		}
		String name = (profile == null || profile.isBlank()) ? DEFAULT_PROFILE : profile.strip();
		CacheLife life;
		try {
			life = cache.profile(name);
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidEndpointRequestException(unknown.getMessage(), "unknown profile");
		}
		cache.revalidateTag(tag, life);
		return new Revalidated(tag, life.name());
	}

	private static Invalidation invalidation(InvalidationEvent event) {
		return new Invalidation(event.primitive().label(), event.target(), event.source().label(),
				event.at().toString(), event.instance(), event.profile());
	}

	/**
	 * @param hitRatio hits and stale serves over all reads; {@code null} before the first
	 * read
	 * @param weight estimated bytes when bounded by weight, else entries
	 * @param maximumWeight the bound, in the same unit
	 */
	public record Report(String instance, long size, long weight, long maximumWeight, Double hitRatio, CacheStats stats,
			Bus bus, List<Invalidation> recentInvalidations) {
	}

	/**
	 * @param lastLagMillis how long after its origin applied it the latest invalidation
	 * of another instance arrived here
	 */
	public record Bus(String type, boolean connected, long received, String lastReceivedAt, Long lastLagMillis) {
	}

	public record Invalidation(String primitive, String target, String source, String at, String instance,
			String profile) {
	}

	public record Revalidated(String tag, String profile) {
	}

}
