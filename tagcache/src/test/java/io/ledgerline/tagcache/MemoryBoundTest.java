package io.ledgerline.tagcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.tagcache.testing.CountingLoader;
import io.ledgerline.tagcache.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What keeps a cache flat over months: a byte budget, dead entries swept out after
 * invalidations, values replaced in place when their reader refuses them, and load
 * identities that tell two loads apart.
 */
class MemoryBoundTest {

	static final String TAG = "org:1:invoices";

	ManualClock clock = new ManualClock();

	@Test
	void theWeightBoundEvictsBeyondTheBudgetAndCountsIt() {
		long budget = 100_000;
		TagCache cache = TagCache.builder()
			.clock(clock)
			.instanceId("test")
			.maximumWeight(budget, value -> ((String) value).length())
			.build();

		for (int i = 0; i < 1_000; i++) {
			cache.get("k" + i, List.of(TAG), CacheLife.DAYS, () -> "x".repeat(1_000));
		}
		cache.cleanUp();

		assertThat(cache.weightedSize()).isLessThanOrEqualTo(budget);
		assertThat(cache.maximumWeight()).isEqualTo(budget);
		// Each entry weighs its value's 1,000 bytes plus the key and the cache's
		// overhead.
		long perEntry = 1_000 + 2 * "k999".length() + TagCache.ENTRY_OVERHEAD_BYTES;
		assertThat(cache.estimatedSize()).isLessThanOrEqualTo(budget / (perEntry - 8));
		assertThat(cache.stats().evictions()).isEqualTo(1_000 - cache.estimatedSize());
	}

	@Test
	void aBudgetMustBePositive() {
		assertThatThrownBy(() -> TagCache.builder().maximumWeight(0, value -> 1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void updatedEntriesAreSweptOutAfterTheNextInvalidationPastTheInterval() {
		TagCache cache = TagCache.builder()
			.clock(clock)
			.instanceId("test")
			.sweepInterval(Duration.ofSeconds(30))
			.build();
		for (int i = 0; i < 100; i++) {
			cache.get("page" + i, List.of(TAG), CacheLife.HOURS, () -> "v");
		}
		cache.get("other", List.of("org:2:invoices"), CacheLife.HOURS, () -> "kept");

		// An invalidation sweeps at once, then not again within the interval: the entries
		// condemned meanwhile stay until the next invalidation past it.
		update(cache, "org:3:invoices");
		clock.advanceSeconds(10);
		update(cache, TAG);
		assertThat(cache.estimatedSize()).as("within the interval: no sweep").isEqualTo(101);

		clock.advanceSeconds(25);
		update(cache, "org:3:invoices");
		assertThat(cache.estimatedSize()).as("only the live entry is left").isEqualTo(1);
		assertThat(cache.get("other", List.of("org:2:invoices"), CacheLife.HOURS, () -> "reloaded").value())
			.isEqualTo("kept");
	}

	@Test
	void cleanUpSweepsDeadEntriesAtOnce() {
		TagCache cache = TagCache.builder().clock(clock).instanceId("test").build();
		cache.get("a", List.of(TAG), CacheLife.HOURS, () -> "v");
		update(cache, "warm-up");
		update(cache, TAG);

		cache.cleanUp();

		assertThat(cache.estimatedSize()).isZero();
		assertThat(cache.stats().evictions()).as("a dead entry is not an eviction").isZero();
	}

	@Test
	void aValueItsReaderRefusesIsLoadedAgainAndReplacedInPlace() {
		TagCache cache = TagCache.builder().clock(clock).instanceId("test").build();
		CountingLoader loader = new CountingLoader("render");

		Cached<String> first = cache.get("page", List.of(TAG), CacheLife.HOURS, loader, value -> true);
		Cached<String> reused = cache.get("page", List.of(TAG), CacheLife.HOURS, loader, value -> true);
		Cached<String> replaced = cache.get("page", List.of(TAG), CacheLife.HOURS, loader,
				value -> !value.equals(first.value()));
		Cached<String> afterwards = cache.get("page", List.of(TAG), CacheLife.HOURS, loader, value -> true);

		assertThat(reused).isSameAs(first);
		assertThat(replaced.value()).isNotEqualTo(first.value());
		assertThat(afterwards).as("the replacement is what is stored now").isEqualTo(replaced);
		assertThat(loader.calls()).isEqualTo(2);
		assertThat(cache.estimatedSize()).as("one key, one entry").isEqualTo(1);
	}

	@Test
	void everyLoadHasItsOwnIdentityEvenWithinOneClockTick() {
		TagCache cache = TagCache.builder().clock(clock).instanceId("test").build();
		Cached<String> first = cache.get("k", List.of(TAG), CacheLife.HOURS, () -> "same");
		Cached<String> again = cache.get("k", List.of(TAG), CacheLife.HOURS, () -> "same");
		update(cache, TAG);
		Cached<String> reloaded = cache.get("k", List.of(TAG), CacheLife.HOURS, () -> "same");

		assertThat(again.load()).isEqualTo(first.load());
		assertThat(reloaded.fetchedAt()).as("the clock did not move").isEqualTo(first.fetchedAt());
		assertThat(reloaded.load()).isNotEqualTo(first.load());
	}

	private static void update(TagCache cache, String tag) {
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTag(tag);
		}
	}

}
