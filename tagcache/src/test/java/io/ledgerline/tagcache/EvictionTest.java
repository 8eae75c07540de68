package io.ledgerline.tagcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.tagcache.testing.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvictionTest {

	@Test
	void sizeBoundHoldsAndEvictionsAreCounted() {
		TagCache cache = TagCache.builder().clock(new ManualClock()).maximumSize(100).instanceId("test").build();

		for (int i = 0; i < 1_000; i++) {
			int n = i;
			cache.get("k" + i, List.of("t" + (i % 10)), CacheLife.DAYS, () -> "v" + n);
		}
		cache.cleanUp();

		assertThat(cache.estimatedSize()).isLessThanOrEqualTo(100);
		assertThat(cache.stats().evictions()).isEqualTo(1_000 - cache.estimatedSize());
	}

	@Test
	void expiryIsNotCountedAsEviction() {
		ManualClock clock = new ManualClock();
		TagCache cache = TagCache.builder().clock(clock).maximumSize(100).instanceId("test").build();
		for (int i = 0; i < 10; i++) {
			cache.get("k" + i, List.of(), CacheLife.SECONDS, () -> "v");
		}

		clock.advanceSeconds(60);
		cache.cleanUp();

		assertThat(cache.estimatedSize()).isZero();
		assertThat(cache.stats().evictions()).isZero();
	}

	@Test
	void maximumSizeMustNotBeNegative() {
		assertThatThrownBy(() -> TagCache.builder().maximumSize(-1)).isInstanceOf(IllegalArgumentException.class);
	}

}
