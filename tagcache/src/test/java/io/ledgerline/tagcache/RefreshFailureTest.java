package io.ledgerline.tagcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.tagcache.testing.ManualExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failing background refresh never turns a read into an error while a usable value
 * exists.
 */
class RefreshFailureTest {

	static final CacheLife SHORT = ReadTest.SHORT;
	static final List<String> TAGS = List.of("t");

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
	void throwingRefreshKeepsServingTheStaleValueUntilExpireThenLoadsSynchronously() {
		Instant loadedAt = clock.instant();
		cache.get("k", TAGS, SHORT, () -> "v1");
		AtomicInteger failingCalls = new AtomicInteger();
		Supplier<String> failing = () -> {
			failingCalls.incrementAndGet();
			throw new IllegalStateException("upstream down");
		};

		clock.advance(Duration.ofSeconds(15));
		assertThat(cache.get("k", TAGS, SHORT, failing)).extracting(Cached::value, Cached::fetchedAt)
			.containsExactly("v1", loadedAt);
		refreshes.runPending();

		assertThat(failingCalls).hasValue(1);
		assertThat(cache.stats().refreshFailures()).isEqualTo(1);

		// Still served, and a later stale read may try again.
		clock.advance(Duration.ofSeconds(20));
		assertThat(cache.get("k", TAGS, SHORT, failing)).extracting(Cached::value, Cached::fetchedAt)
			.containsExactly("v1", loadedAt);
		assertThat(refreshes.runPending()).as("a new attempt after the failure").isEqualTo(1);
		assertThat(failingCalls).hasValue(2);

		clock.advance(Duration.ofSeconds(24));
		assertThat(cache.get("k", TAGS, SHORT, failing).value()).as("59 s: last moment it may be served")
			.isEqualTo("v1");
		refreshes.runPending();

		Instant expiredAt = clock.advance(Duration.ofSeconds(1));
		assertThat(cache.get("k", TAGS, SHORT, () -> "v2")).extracting(Cached::value, Cached::fetchedAt)
			.containsExactly("v2", expiredAt);

		CacheStats stats = cache.stats();
		assertThat(stats.refreshes()).isEqualTo(3);
		assertThat(stats.refreshFailures()).isEqualTo(3);
		assertThat(stats.staleServes()).isEqualTo(3);
		assertThat(stats.misses()).isEqualTo(2);
	}

	@Test
	void onceExpiredALoaderFailureIsTheReadersError() {
		cache.get("k", TAGS, SHORT, () -> "v1");
		clock.advance(Duration.ofSeconds(60));

		assertThatThrownBy(() -> cache.get("k", TAGS, SHORT, () -> {
			throw new IllegalStateException("upstream down");
		})).hasMessage("upstream down");
	}

	@Test
	void refreshReturningNullCountsAsAFailure() {
		cache.get("k", TAGS, SHORT, () -> "v1");
		clock.advance(Duration.ofSeconds(15));

		assertThat(cache.get("k", TAGS, SHORT, () -> null).value()).isEqualTo("v1");
		refreshes.runPending();

		assertThat(cache.stats().refreshFailures()).isEqualTo(1);
		assertThat(cache.get("k", TAGS, SHORT, () -> "v2").value()).isEqualTo("v1");
	}

	@Test
	void rejectedRefreshStillServesStaleAndCountsAFailure() {
		TagCache rejecting = TagCache.builder().clock(clock).instanceId("test").refreshExecutor(task -> {
			throw new RejectedExecutionException("pool shut down");
		}).build();
		rejecting.get("k", TAGS, SHORT, () -> "v1");
		clock.advance(Duration.ofSeconds(15));

		assertThat(rejecting.get("k", TAGS, SHORT, () -> "v2").value()).isEqualTo("v1");
		assertThat(rejecting.stats().refreshFailures()).isEqualTo(1);
	}

	@Test
	void refreshOnTheCallingThreadWorksToo() {
		TagCache direct = TagCache.builder().clock(clock).instanceId("test").refreshExecutor(Runnable::run).build();
		direct.get("k", TAGS, SHORT, () -> "v1");
		Instant refreshAt = clock.advance(Duration.ofSeconds(15));

		assertThat(direct.get("k", TAGS, SHORT, () -> "v2").value()).as("this read is still served stale")
			.isEqualTo("v1");
		assertThat(direct.get("k", TAGS, SHORT, () -> "v3")).extracting(Cached::value, Cached::fetchedAt)
			.containsExactly("v2", refreshAt);
	}

}
