package io.ledgerline.tagcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.tagcache.testing.CountingLoader;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.tagcache.testing.ManualExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Age-based behaviour: fresh, stale-while-revalidate, expired; and the read path's
 * contract.
 */
class ReadTest {

	/** Fresh for 10 s, then stale until 60 s, then dead. */
	static final CacheLife SHORT = new CacheLife("short", Duration.ofSeconds(5), Duration.ofSeconds(10),
			Duration.ofSeconds(60));
	static final List<String> TAGS = List.of("org:1:invoices");

	ManualClock clock;

	ManualExecutor refreshes;

	TagCache cache;

	@BeforeEach
	void setUp() {
		clock = new ManualClock();
		refreshes = new ManualExecutor();
		cache = TagCache.builder().clock(clock).refreshExecutor(refreshes).instanceId("test").build();
	}

	@Test
	void missLoadsThenFreshReadsHitWithTheOriginalFetchedAt() {
		CountingLoader loader = new CountingLoader("v");
		Instant loadedAt = clock.instant();

		Cached<String> first = cache.get("k", TAGS, SHORT, loader);
		clock.advance(Duration.ofSeconds(9));
		Cached<String> second = cache.get("k", TAGS, SHORT, loader);

		assertThat(first).extracting(Cached::value, Cached::fetchedAt).containsExactly("v1", loadedAt);
		assertThat(second).isEqualTo(first);
		assertThat(loader.calls()).isEqualTo(1);
		assertThat(refreshes.pendingCount()).isZero();
		assertThat(cache.stats()).isEqualTo(new CacheStats(1, 1, 0, 0, 0, 0, 0, 0, 0));
	}

	@Test
	void staleValueIsServedAtOnceThenRefreshedInTheBackground() {
		CountingLoader loader = new CountingLoader("v");
		Instant loadedAt = clock.instant();
		cache.get("k", TAGS, SHORT, loader);

		Instant refreshAt = clock.advance(Duration.ofSeconds(10));
		Cached<String> stale = cache.get("k", TAGS, SHORT, loader);

		assertThat(stale).extracting(Cached::value, Cached::fetchedAt).containsExactly("v1", loadedAt);
		assertThat(loader.calls()).as("the refresh has not run yet").isEqualTo(1);
		assertThat(refreshes.pendingCount()).isEqualTo(1);

		assertThat(refreshes.runPending()).isEqualTo(1);
		Cached<String> refreshed = cache.get("k", TAGS, SHORT, loader);

		assertThat(refreshed).extracting(Cached::value, Cached::fetchedAt).containsExactly("v2", refreshAt);
		assertThat(cache.stats()).isEqualTo(new CacheStats(1, 1, 1, 1, 0, 0, 0, 0, 0));
	}

	@Test
	void staleReadsWhileARefreshIsPendingDoNotStartAnother() {
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", TAGS, SHORT, loader);
		clock.advance(Duration.ofSeconds(30));

		for (int i = 0; i < 10; i++) {
			assertThat(cache.get("k", TAGS, SHORT, loader).value()).isEqualTo("v1");
		}

		assertThat(refreshes.pendingCount()).isEqualTo(1);
		assertThat(cache.stats().staleServes()).isEqualTo(10);
		assertThat(cache.stats().refreshes()).isEqualTo(1);
	}

	@Test
	void expiredValueIsNeverServedAndLoadsSynchronously() {
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", TAGS, SHORT, loader);

		Instant expiredAt = clock.advance(Duration.ofSeconds(60));
		Cached<String> reloaded = cache.get("k", TAGS, SHORT, loader);

		assertThat(reloaded).extracting(Cached::value, Cached::fetchedAt).containsExactly("v2", expiredAt);
		assertThat(refreshes.pendingCount()).as("a dead entry is reloaded in the read, not refreshed").isZero();
		assertThat(cache.stats().misses()).isEqualTo(2);
	}

	@Test
	void fetchedAtIsWhenTheLoaderRanNotWhenItWasRead() {
		Instant loadedAt = clock.instant();
		cache.get("k", TAGS, CacheLife.DEFAULT, () -> "v");
		clock.advance(Duration.ofSeconds(100));

		assertThat(cache.get("k", TAGS, CacheLife.DEFAULT, () -> "other").fetchedAt()).isEqualTo(loadedAt);
	}

	@Test
	void defaultProfileNeverExpiresButGoesStale() {
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", TAGS, CacheLife.DEFAULT, loader);

		clock.advance(Duration.ofDays(400));

		assertThat(cache.get("k", TAGS, CacheLife.DEFAULT, loader).value()).isEqualTo("v1");
		assertThat(refreshes.pendingCount()).isEqualTo(1);
	}

	@Test
	void keysAreIndependent() {
		cache.get("a", TAGS, SHORT, () -> "A");
		cache.get("b", TAGS, SHORT, () -> "B");

		assertThat(cache.get("a", TAGS, SHORT, () -> "x").value()).isEqualTo("A");
		assertThat(cache.get("b", TAGS, SHORT, () -> "x").value()).isEqualTo("B");
		assertThat(cache.estimatedSize()).isEqualTo(2);
	}

	@Test
	void nullFromTheLoaderIsAClearNullPointerExceptionAndCachesNothing() {
		assertThatThrownBy(() -> cache.get("k", TAGS, SHORT, () -> null)).isInstanceOf(NullPointerException.class)
			.hasMessageContaining("loader for key 'k' returned null");

		assertThat(cache.get("k", TAGS, SHORT, () -> "v").value()).isEqualTo("v");
	}

	@Test
	void loaderExceptionPropagatesAndCachesNothing() {
		IllegalStateException boom = new IllegalStateException("database down");

		assertThatThrownBy(() -> cache.get("k", TAGS, SHORT, () -> {
			throw boom;
		})).isSameAs(boom);

		assertThat(cache.get("k", TAGS, SHORT, () -> "v").value()).isEqualTo("v");
		assertThat(cache.estimatedSize()).isEqualTo(1);
	}

	@Test
	void duplicateTagsAndAnyCollectionTypeAreAccepted() {
		assertThat(cache.get("k", Arrays.asList("t", "t", "u"), SHORT, () -> "v").value()).isEqualTo("v");
		assertThat(cache.get("k2", Set.of("t"), SHORT, () -> "v").value()).isEqualTo("v");
		assertThat(cache.get("k3", List.of(), SHORT, () -> "v").value()).isEqualTo("v");
	}

	@Test
	void argumentsAreValidated() {
		assertThatThrownBy(() -> cache.get(null, TAGS, SHORT, () -> "v")).isInstanceOf(NullPointerException.class)
			.hasMessage("key must not be null");
		assertThatThrownBy(() -> cache.get("  ", TAGS, SHORT, () -> "v")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("key must not be blank");
		assertThatThrownBy(() -> cache.get("k", null, SHORT, () -> "v")).isInstanceOf(NullPointerException.class)
			.hasMessageContaining("tags must not be null");
		assertThatThrownBy(() -> cache.get("k", Arrays.asList("t", null), SHORT, () -> "v"))
			.isInstanceOf(NullPointerException.class)
			.hasMessage("tag must not be null");
		assertThatThrownBy(() -> cache.get("k", List.of(""), SHORT, () -> "v"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("tag must not be blank");
		assertThatThrownBy(() -> cache.get("k", TAGS, null, () -> "v")).isInstanceOf(NullPointerException.class)
			.hasMessage("life must not be null");
		assertThatThrownBy(() -> cache.get("k", TAGS, SHORT, null)).isInstanceOf(NullPointerException.class)
			.hasMessage("loader must not be null");
		assertThat(cache.estimatedSize()).isZero();
	}

	@Test
	void tagsMayNotUseTheReservedInternalForm() {
		assertThatThrownBy(() -> cache.get("k", List.of("\u0000page:/a"), SHORT, () -> "v"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("reserved");
		assertThatThrownBy(() -> cache.revalidateTag("\u0000layout:/", CacheLife.MINUTES))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("reserved");
	}

	@Test
	void aLoaderThatReadsItsOwnKeyFailsInsteadOfDeadlocking() {
		assertThatThrownBy(() -> cache.get("k", TAGS, SHORT, () -> cache.get("k", TAGS, SHORT, () -> "inner").value()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("recursive load");
	}

	@Test
	void clockDrivesCaffeinesExpiryToo() {
		cache.get("k", TAGS, SHORT, () -> "v");

		clock.advance(Duration.ofMillis(59_999));
		cache.cleanUp();
		assertThat(cache.estimatedSize()).as("never dropped before its expire").isEqualTo(1);
		assertThat(cache.get("k", TAGS, SHORT, () -> "other").value()).isEqualTo("v");

		// Caffeine's timer wheel drops expired entries in buckets of about a second.
		clock.advance(Duration.ofSeconds(2));
		cache.cleanUp();
		assertThat(cache.estimatedSize()).as("dead entries are dropped and their memory freed").isZero();
	}

}
