package io.ledgerline.tagcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.tagcache.testing.CountingLoader;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.tagcache.testing.ManualExecutor;
import io.ledgerline.tagcache.testing.RecordingListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Condemning everything: what an instance does when it may have missed invalidations it
 * can no longer learn.
 */
class InvalidateAllTest {

	static final String TAG = "org:1:invoices";

	ManualClock clock = new ManualClock();

	ManualExecutor refreshes = new ManualExecutor();

	RecordingListener events = new RecordingListener();

	/** A bus that can report a gap, as one that trims its record would. */
	static final class GappyBus implements InvalidationBus {

		final List<TagInvalidation> published = new CopyOnWriteArrayList<>();

		final List<Consumer<String>> gapSubscribers = new CopyOnWriteArrayList<>();

		@Override
		public void publish(TagInvalidation message) {
			published.add(message);
		}

		@Override
		public void subscribe(Consumer<TagInvalidation> subscriber) {
		}

		@Override
		public void subscribeToGaps(Consumer<String> subscriber) {
			gapSubscribers.add(subscriber);
		}

		void reportGap(String reason) {
			gapSubscribers.forEach(s -> s.accept(reason));
		}

	}

	GappyBus bus = new GappyBus();

	TagCache cache = TagCache.builder()
		.clock(clock)
		.bus(bus)
		.instanceId("a")
		.refreshExecutor(refreshes)
		.listener(events)
		.build();

	@Test
	void everyEntryFreshOrStaleWhateverItsTagsLoadsAgainAndNothingIsPublished() {
		CountingLoader tagged = new CountingLoader("t");
		CountingLoader untagged = new CountingLoader("u");
		CountingLoader stale = new CountingLoader("s");
		cache.get("tagged", List.of(TAG), CacheLife.DAYS, tagged);
		cache.get("untagged", List.of(), CacheLife.DAYS, untagged);
		cache.get("stale", List.of("other"), CacheLife.SECONDS, stale);
		clock.advanceSeconds(2);
		assertThat(cache.get("stale", List.of("other"), CacheLife.SECONDS, stale).value()).as("stale, still served")
			.isEqualTo("s1");

		cache.invalidateAll();

		assertThat(cache.get("tagged", List.of(TAG), CacheLife.DAYS, tagged).value()).isEqualTo("t2");
		assertThat(cache.get("untagged", List.of(), CacheLife.DAYS, untagged).value()).isEqualTo("u2");
		assertThat(cache.get("stale", List.of("other"), CacheLife.SECONDS, stale).value())
			.as("loaded synchronously, not served stale")
			.isEqualTo("s2");
		assertThat(cache.get("tagged", List.of(TAG), CacheLife.DAYS, tagged).value()).as("then cached again")
			.isEqualTo("t2");
		assertThat(bus.published).as("local only").isEmpty();
		assertThat(events.events()).isEmpty();
		assertThat(cache.stats().updateTags() + cache.stats().revalidateTags() + cache.stats().revalidatePaths())
			.isZero();
	}

	@Test
	void discardingByKeyRemovesExactlyTheMarkedEntriesLocallyAndTouchesNoTag() {
		CountingLoader marked = new CountingLoader("m");
		CountingLoader markedPage = new CountingLoader("p");
		CountingLoader kept = new CountingLoader("k");
		cache.get("list:~synthetic:1", List.of("org:~synthetic:invoices"), CacheLife.DAYS, marked);
		cache.getPage("/invoices", "~synthetic:admin", List.of(), CacheLife.DAYS, markedPage);
		cache.get("list:acme:1", List.of(TAG), CacheLife.DAYS, kept);

		assertThat(cache.discardKeysContaining("~synthetic")).isEqualTo(2);

		assertThat(cache.get("list:~synthetic:1", List.of("org:~synthetic:invoices"), CacheLife.DAYS, marked).value())
			.as("gone: loaded again")
			.isEqualTo("m2");
		assertThat(cache.getPage("/invoices", "~synthetic:admin", List.of(), CacheLife.DAYS, markedPage).value())
			.isEqualTo("p2");
		assertThat(cache.get("list:acme:1", List.of(TAG), CacheLife.DAYS, kept).value()).as("untouched")
			.isEqualTo("k1");
		assertThat(cache.discardKeysContaining("nothing-has-this")).isZero();
		assertThat(bus.published).as("local only").isEmpty();
		assertThat(events.events()).isEmpty();
		assertThat(cache.stats().updateTags() + cache.stats().revalidateTags() + cache.stats().revalidatePaths())
			.isZero();
	}

	@Test
	void aLoadRunningWhenItHappensIsNotServedAfterwards() {
		CountingLoader inner = new CountingLoader("v");
		// The condemnation lands while the loader runs: what it read may predate what was
		// missed.
		Supplier<String> condemnedMidway = () -> {
			String value = inner.get();
			if (inner.calls() == 1) {
				cache.invalidateAll();
			}
			return value;
		};

		assertThat(cache.get("k", List.of(TAG), CacheLife.DAYS, condemnedMidway).value())
			.as("the reader that started it gets it")
			.isEqualTo("v1");
		assertThat(cache.get("k", List.of(TAG), CacheLife.DAYS, condemnedMidway).value()).isEqualTo("v2");
		assertThat(cache.get("k", List.of(TAG), CacheLife.DAYS, condemnedMidway).value()).isEqualTo("v2");
	}

	@Test
	void aBackgroundRefreshRunningWhenItHappensIsNotServedAfterwards() {
		CountingLoader inner = new CountingLoader("v");
		Supplier<String> loader = () -> {
			String value = inner.get();
			if (inner.calls() == 2) {
				cache.invalidateAll();
			}
			return value;
		};
		cache.get("k", List.of(TAG), CacheLife.SECONDS, loader);
		clock.advanceSeconds(2);
		assertThat(cache.get("k", List.of(TAG), CacheLife.SECONDS, loader).value()).isEqualTo("v1");

		refreshes.runPending();

		assertThat(cache.get("k", List.of(TAG), CacheLife.SECONDS, loader).value()).isEqualTo("v3");
	}

	@Test
	void aGapReportedByTheBusCondemnsEverything() {
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", List.of(TAG), CacheLife.DAYS, loader);

		bus.reportGap("the record was trimmed while this instance was away");

		assertThat(cache.get("k", List.of(TAG), CacheLife.DAYS, loader).value()).isEqualTo("v2");
	}

}
