package io.ledgerline.tagcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.tagcache.testing.CountingLoader;
import io.ledgerline.tagcache.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The recorder sees every invalidation when it is asked for; the age limit bounds reads.
 */
class RecorderAndAgeLimitTest {

	static final String TAG = "org:1:invoices";

	ManualClock clock = new ManualClock();

	@Test
	void theRecorderSeesEachCallBeforeTheCommitBindingRunsIt() {
		List<List<InvalidationIntent>> recorded = new ArrayList<>();
		List<Runnable> deferred = new ArrayList<>();
		TagCache cache = TagCache.builder().clock(clock).recorder(recorded::add).commitBinding(deferred::add).build();

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTags(List.of(TAG, "org:1:invoice:7"));
		}
		cache.revalidateTag(TAG, "hours");
		cache.revalidatePath("/tickets");

		assertThat(deferred).as("nothing ran yet").hasSize(3);
		assertThat(recorded).hasSize(3);
		assertThat(recorded.get(0)).containsExactly(new InvalidationIntent(TAG, TagInvalidation.Kind.EXPIRE, null),
				new InvalidationIntent("org:1:invoice:7", TagInvalidation.Kind.EXPIRE, null));
		assertThat(recorded.get(1))
			.containsExactly(new InvalidationIntent(TAG, TagInvalidation.Kind.STALE, CacheLife.HOURS.expire()));
		assertThat(recorded.get(2)).singleElement()
			.satisfies(intent -> assertThat(intent.kind()).isEqualTo(TagInvalidation.Kind.EXPIRE));
	}

	@Test
	void aFailingRecorderFailsTheCallAndNothingIsInvalidated() {
		List<Runnable> deferred = new ArrayList<>();
		TagCache cache = TagCache.builder().clock(clock).recorder(intents -> {
			throw new IllegalStateException("database down");
		}).commitBinding(deferred::add).build();

		assertThatThrownBy(() -> cache.revalidateTag(TAG, "hours")).hasMessage("database down");
		assertThat(deferred).isEmpty();
	}

	@Test
	void whileAnAgeLimitIsSetOlderEntriesAreReloaded() {
		AtomicReference<Duration> limit = new AtomicReference<>();
		TagCache cache = TagCache.builder().clock(clock).ageLimit(limit::get).build();
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", List.of(TAG), CacheLife.DAYS, loader);

		clock.advance(Duration.ofSeconds(10));
		assertThat(cache.get("k", List.of(TAG), CacheLife.DAYS, loader).value()).as("no limit: cached").isEqualTo("v1");

		limit.set(Duration.ofSeconds(5));
		assertThat(cache.get("k", List.of(TAG), CacheLife.DAYS, loader).value()).as("older than the limit")
			.isEqualTo("v2");
		clock.advance(Duration.ofSeconds(4));
		assertThat(cache.get("k", List.of(TAG), CacheLife.DAYS, loader).value()).as("within the limit").isEqualTo("v2");

		limit.set(null);
		clock.advance(Duration.ofSeconds(60));
		assertThat(cache.get("k", List.of(TAG), CacheLife.DAYS, loader).value()).as("limit lifted").isEqualTo("v2");
	}

}
