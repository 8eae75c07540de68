package io.ledgerline.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.testing.ManualClock;

/** Health says DOWN when memory is the problem, on a controlled clock and GC counter. */
class MemoryHealthTests {

	ManualClock clock = new ManualClock();

	AtomicLong gcMillis = new AtomicLong();

	TagCache cache = TagCache.builder().clock(clock).instanceId("test").maximumWeight(1_000_000, v -> 1_000).build();

	MemoryHealth health = new MemoryHealth(cache::weightedSize, cache::maximumWeight, clock, gcMillis::get);

	@Test
	void upWithTheCacheWithinItsBudgetAndLittleCollecting() {
		cache.get("k", List.of("t"), CacheLife.HOURS, () -> "v");
		health.health();
		clock.advanceSeconds(30);
		gcMillis.addAndGet(1_500);

		Health now = health.health();

		assertThat(now.getStatus()).isEqualTo(Status.UP);
		assertThat(now.getDetails()).containsEntry("cacheBudgetBytes", 1_000_000L)
			.containsEntry("gcShareLastMinute", 0.05);
		assertThat((Long) now.getDetails().get("cacheBytes")).isPositive();
	}

	@Test
	void downWhileTheJvmSpendsMostOfTheLastMinuteCollecting() {
		health.health();
		for (int i = 0; i < 6; i++) {
			clock.advanceSeconds(10);
			gcMillis.addAndGet(8_000);
			health.health();
		}

		Health thrashing = health.health();

		assertThat(thrashing.getStatus()).isEqualTo(Status.DOWN);
		assertThat(thrashing.getDetails().get("reason").toString()).contains("collecting garbage");

		// A quiet minute later it recovers: the window moved past the thrashing.
		for (int i = 0; i < 7; i++) {
			clock.advanceSeconds(10);
			gcMillis.addAndGet(100);
			health.health();
		}
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void downWhenTheCacheHoldsMoreThanItsBudget() {
		AtomicLong bytes = new AtomicLong(1_000_000);
		MemoryHealth byWeight = new MemoryHealth(bytes::get, () -> 1_000_000, clock, gcMillis::get);
		assertThat(byWeight.health().getStatus()).as("at the budget").isEqualTo(Status.UP);

		bytes.set(1_200_000);
		Health over = byWeight.health();

		assertThat(over.getStatus()).isEqualTo(Status.DOWN);
		assertThat(over.getDetails().get("reason").toString()).contains("budget");
	}

}
