package io.ledgerline.tagcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.tagcache.testing.CountingLoader;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.tagcache.testing.ManualExecutor;
import io.ledgerline.tagcache.testing.RecordingListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * updateTag, updateTags and revalidateTag: scope rule, effect, races, commit binding,
 * events.
 */
class InvalidationTest {

	static final String LIST = "org:1:invoices";
	static final String RECORD = "org:1:invoice:7";

	ManualClock clock;

	ManualExecutor refreshes;

	RecordingListener listener;

	List<Runnable> pendingCommit;

	CommitBinding binding;

	TagCache cache;

	@BeforeEach
	void setUp() {
		clock = new ManualClock();
		refreshes = new ManualExecutor();
		listener = new RecordingListener();
		pendingCommit = new ArrayList<>();
		binding = CommitBinding.IMMEDIATE;
		cache = TagCache.builder()
			.clock(clock)
			.refreshExecutor(refreshes)
			.instanceId("node-a")
			// Delegates to whatever binding the test installs.
			.commitBinding(invalidation -> binding.execute(invalidation))
			.listener(listener)
			.build();
	}

	@AfterEach
	void noScopeLeaks() {
		assertThat(TagCache.currentSource()).isEqualTo(InvocationSource.ROUTE);
	}

	// --- the scope rule
	// ----------------------------------------------------------------------------

	@Test
	void updateTagOutsideAnActionThrowsAndInvalidatesPublishesAndLogsNothing() {
		LocalInvalidationBus bus = new LocalInvalidationBus();
		List<TagInvalidation> published = new ArrayList<>();
		bus.subscribe(published::add);
		TagCache withBus = TagCache.builder().clock(clock).bus(bus).listener(listener).instanceId("node-a").build();
		CountingLoader loader = new CountingLoader("v");
		withBus.get("k", List.of(LIST), CacheLife.MINUTES, loader);

		assertThatThrownBy(() -> withBus.updateTag(LIST)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("updateTag is only available inside an action")
			.hasMessageContaining("revalidateTag");
		try (InvocationScope job = TagCache.openScope(InvocationSource.JOB)) {
			assertThatThrownBy(() -> withBus.updateTag(LIST)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("only available inside an action");
			assertThatThrownBy(() -> withBus.updateTags(List.of(LIST, RECORD)))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("updateTags is only available inside an action");
		}

		assertThat(withBus.get("k", List.of(LIST), CacheLife.MINUTES, loader).value()).isEqualTo("v1");
		assertThat(published).isEmpty();
		assertThat(listener.events()).isEmpty();
		assertThat(withBus.stats().updateTags()).isZero();
	}

	@Test
	void theScopeIsCheckedAtCallTimeBeforeAnyDeferralOrArgumentCheck() {
		binding = pendingCommit::add;

		assertThatThrownBy(() -> cache.updateTag(null)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> cache.updateTags(null)).isInstanceOf(IllegalStateException.class);
		assertThat(pendingCommit).isEmpty();
	}

	@Test
	void updateTagInsideAnActionMakesTheNextReadLoadFresh() {
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", List.of(LIST), CacheLife.DAYS, loader);

		Instant writeAt = clock.advance(Duration.ofSeconds(1));
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTag(LIST);
		}

		assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, loader)).extracting(Cached::value, Cached::fetchedAt)
			.containsExactly("v2", writeAt);
		assertThat(refreshes.pendingCount()).isZero();
		assertThat(cache.stats().updateTags()).isEqualTo(1);
	}

	@Test
	void updateTagsExpiresEveryTagAsOneUnit() {
		CountingLoader list = new CountingLoader("list");
		CountingLoader record = new CountingLoader("record");
		CountingLoader other = new CountingLoader("other");
		cache.get("list", List.of(LIST), CacheLife.DAYS, list);
		cache.get("record", List.of(RECORD), CacheLife.DAYS, record);
		cache.get("other", List.of("org:2:invoices"), CacheLife.DAYS, other);
		binding = pendingCommit::add;

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTags(List.of(LIST, RECORD));
		}
		assertThat(pendingCommit).as("one commit-bound invalidation for the unit").hasSize(1);
		pendingCommit.forEach(Runnable::run);

		assertThat(cache.get("list", List.of(LIST), CacheLife.DAYS, list).value()).isEqualTo("list2");
		assertThat(cache.get("record", List.of(RECORD), CacheLife.DAYS, record).value()).isEqualTo("record2");
		assertThat(cache.get("other", List.of("org:2:invoices"), CacheLife.DAYS, other).value()).isEqualTo("other1");
		assertThat(listener.events()).extracting(InvalidationEvent::target).containsExactly(LIST, RECORD);
		assertThat(cache.stats().updateTags()).isEqualTo(2);
	}

	@Test
	void updateTagsValidatesEveryTagBeforeInvalidatingAny() {
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", List.of(LIST), CacheLife.DAYS, loader);

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			assertThatThrownBy(() -> cache.updateTags(Arrays.asList(LIST, " ")))
				.isInstanceOf(IllegalArgumentException.class);
		}

		assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, loader).value()).isEqualTo("v1");
		assertThat(listener.events()).isEmpty();
	}

	// --- tag reach
	// --------------------------------------------------------------------------------

	@Test
	void aTagSharedByManyKeysInvalidatesAllOfThemAndNothingElse() {
		Map<String, CountingLoader> loaders = new HashMap<>();
		for (int i = 0; i < 50; i++) {
			String key = "invoice:" + i;
			List<String> tags = i % 2 == 0 ? List.of(LIST, key) : List.of("org:2:invoices", key);
			loaders.put(key, new CountingLoader(key + "@"));
			cache.get(key, tags, CacheLife.DAYS, loaders.get(key));
		}

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTag(LIST);
		}

		for (int i = 0; i < 50; i++) {
			String key = "invoice:" + i;
			List<String> tags = i % 2 == 0 ? List.of(LIST, key) : List.of("org:2:invoices", key);
			String expected = key + "@" + (i % 2 == 0 ? 2 : 1);
			assertThat(cache.get(key, tags, CacheLife.DAYS, loaders.get(key)).value()).isEqualTo(expected);
		}
	}

	@Test
	void anInvalidationOfAnUnusedTagIsHarmless() {
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTag("never-used");
		}
		cache.revalidateTag("never-used-either", "hours");

		assertThat(listener.events()).hasSize(2);
	}

	// --- revalidateTag
	// ---------------------------------------------------------------------------

	@Test
	void revalidateTagServesStaleOnceThenTheRefreshedValue() {
		CountingLoader loader = new CountingLoader("v");
		Instant loadedAt = clock.instant();
		cache.get("k", List.of(LIST), CacheLife.DAYS, loader);

		Instant revalidatedAt = clock.advance(Duration.ofSeconds(5));
		try (InvocationScope job = TagCache.openScope(InvocationSource.JOB)) {
			cache.revalidateTag(LIST, "minutes");
		}

		assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, loader)).extracting(Cached::value, Cached::fetchedAt)
			.containsExactly("v1", loadedAt);
		assertThat(refreshes.pendingCount()).isEqualTo(1);
		refreshes.runPending();
		assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, loader)).extracting(Cached::value, Cached::fetchedAt)
			.containsExactly("v2", revalidatedAt);
		assertThat(cache.stats().revalidateTags()).isEqualTo(1);
		assertThat(cache.stats().staleServes()).isEqualTo(1);
	}

	@Test
	void revalidateTagIsAllowedInEverySource() {
		cache.revalidateTag(LIST, CacheLife.HOURS);
		for (InvocationSource source : InvocationSource.values()) {
			try (InvocationScope scope = TagCache.openScope(source)) {
				cache.revalidateTag(LIST, CacheLife.HOURS);
			}
		}
		assertThat(listener.events()).extracting(InvalidationEvent::source)
			.containsExactly(InvocationSource.ROUTE, InvocationSource.ACTION, InvocationSource.JOB,
					InvocationSource.ROUTE);
	}

	@Test
	void revalidatedEntriesAreServedStaleOnlyWithinTheProfilesExpireWindow() {
		CacheLife window = new CacheLife("window-30s", Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(30));
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", List.of(LIST), CacheLife.DAYS, loader);
		clock.advance(Duration.ofSeconds(100));

		cache.revalidateTag(LIST, window);
		clock.advance(Duration.ofSeconds(29));
		assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, loader).value()).isEqualTo("v1");

		Instant windowEnd = clock.advance(Duration.ofSeconds(1));
		assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, loader))
			.as("past the window: loaded synchronously, not served stale")
			.extracting(Cached::value, Cached::fetchedAt)
			.containsExactly("v2", windowEnd);
	}

	@Test
	void aRevalidatedEntryIsNeverServedPastItsOwnExpire() {
		CacheLife ownLife = new CacheLife("own", Duration.ZERO, Duration.ofSeconds(100), Duration.ofSeconds(120));
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", List.of(LIST), ownLife, loader);
		clock.advance(Duration.ofSeconds(60));

		cache.revalidateTag(LIST, CacheLife.MAX);
		assertThat(cache.get("k", List.of(LIST), ownLife, loader).value()).isEqualTo("v1");

		clock.advance(Duration.ofSeconds(60));
		assertThat(cache.get("k", List.of(LIST), ownLife, loader).value()).isEqualTo("v2");
	}

	@Test
	void entriesLoadedAfterARevalidationAreFresh() {
		cache.revalidateTag(LIST, CacheLife.MINUTES);
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", List.of(LIST), CacheLife.DAYS, loader);

		assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, loader).value()).isEqualTo("v1");
		assertThat(refreshes.pendingCount()).isZero();
		assertThat(cache.stats().hits()).isEqualTo(1);
	}

	@Test
	void updateTagOverridesAPendingStaleWindow() {
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", List.of(LIST), CacheLife.DAYS, loader);
		cache.revalidateTag(LIST, CacheLife.MAX);

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTag(LIST);
		}

		assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, loader).value()).isEqualTo("v2");
	}

	// --- races with loads
	// ---------------------------------------------------------------------------

	@Test
	void anInvalidationDuringAnInFlightLoadMakesTheNextReadReload() throws Exception {
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			CountDownLatch loading = new CountDownLatch(1);
			CountDownLatch finish = new CountDownLatch(1);
			Future<Cached<String>> inFlight = pool.submit(() -> cache.get("k", List.of(LIST), CacheLife.DAYS, () -> {
				loading.countDown();
				SingleFlightTest.await(finish);
				return "read before the write";
			}));
			assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();

			try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
				cache.updateTag(LIST);
			}
			finish.countDown();

			assertThat(inFlight.get(10, TimeUnit.SECONDS).value()).isEqualTo("read before the write");
			assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, () -> "read after the write").value())
				.isEqualTo("read after the write");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aReaderArrivingAfterTheInvalidationDoesNotWaitForTheOlderLoad() throws Exception {
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			CountDownLatch loading = new CountDownLatch(1);
			CountDownLatch finish = new CountDownLatch(1);
			Future<Cached<String>> older = pool.submit(() -> cache.get("k", List.of(LIST), CacheLife.DAYS, () -> {
				loading.countDown();
				SingleFlightTest.await(finish);
				return "old";
			}));
			assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
			try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
				cache.updateTag(LIST);
			}

			// The older load is still blocked: this read must run its own instead of
			// joining it.
			assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, () -> "new").value()).isEqualTo("new");

			finish.countDown();
			assertThat(older.get(10, TimeUnit.SECONDS).value()).isEqualTo("old");
			assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, () -> "unused").value())
				.as("the older load finishing last does not overwrite the newer entry")
				.isEqualTo("new");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anInvalidationDuringARefreshIsNotLostWhenTheRefreshLands() {
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", List.of(LIST), CacheLife.MINUTES, loader);
		clock.advance(Duration.ofMinutes(2));
		cache.get("k", List.of(LIST), CacheLife.MINUTES, () -> {
			// Runs when the refresh runs: a write lands while the refresh is reading.
			try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
				cache.updateTag(LIST);
			}
			return "refreshed before the write";
		});

		refreshes.runPending();

		assertThat(cache.get("k", List.of(LIST), CacheLife.MINUTES, loader).value()).isEqualTo("v2");
	}

	// --- commit binding
	// --------------------------------------------------------------------------

	@Test
	void aRolledBackInvalidationLeavesEntriesValidAndReportsNothing() {
		binding = pendingCommit::add;
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", List.of(LIST), CacheLife.DAYS, loader);

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTag(LIST);
			cache.revalidateTag(RECORD, "hours");
			cache.revalidatePath("/invoices");
		}
		pendingCommit.clear(); // rollback: the binding drops them

		assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, loader).value()).isEqualTo("v1");
		assertThat(listener.events()).isEmpty();
		CacheStats stats = cache.stats();
		assertThat(stats.updateTags() + stats.revalidateTags() + stats.revalidatePaths()).isZero();
	}

	@Test
	void aCommittedInvalidationTakesEffectAndIsReportedOnlyAfterTheCommit() {
		binding = pendingCommit::add;
		CountingLoader loader = new CountingLoader("v");
		cache.get("k", List.of(LIST), CacheLife.DAYS, loader);

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTag(LIST);
			assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, loader).value())
				.as("before the commit, the old value is still right")
				.isEqualTo("v1");
			assertThat(listener.events()).isEmpty();
		}

		Instant commitAt = clock.advance(Duration.ofMillis(20));
		pendingCommit.forEach(Runnable::run); // commit, after the scope was closed

		assertThat(listener.events()).singleElement().satisfies(event -> {
			assertThat(event.source()).as("captured at call time").isEqualTo(InvocationSource.ACTION);
			assertThat(event.at()).isEqualTo(commitAt);
		});
		assertThat(cache.get("k", List.of(LIST), CacheLife.DAYS, loader).value()).isEqualTo("v2");
	}

	@Test
	void aFailingInvalidationReportsNothing() {
		InvalidationBus broken = new InvalidationBus() {
			@Override
			public void publish(TagInvalidation message) {
				throw new IllegalStateException("bus down");
			}

			@Override
			public void subscribe(java.util.function.Consumer<TagInvalidation> subscriber) {
			}
		};
		TagCache withBrokenBus = TagCache.builder().clock(clock).bus(broken).listener(listener).instanceId("a").build();

		assertThatThrownBy(() -> withBrokenBus.revalidateTag(LIST, "hours")).hasMessage("bus down");
		assertThat(listener.events()).isEmpty();
		assertThat(withBrokenBus.stats().revalidateTags()).isZero();
	}

	// --- events
	// ----------------------------------------------------------------------------------

	@Test
	void eventsCarryPrimitiveTargetSourceTimeInstanceAndProfile() {
		Instant t0 = clock.instant();
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTag(RECORD);
		}
		Instant t1 = clock.advance(Duration.ofSeconds(1));
		try (InvocationScope job = TagCache.openScope(InvocationSource.JOB)) {
			cache.revalidateTag(LIST, "days");
		}
		Instant t2 = clock.advance(Duration.ofSeconds(1));
		cache.revalidatePath("/invoices/", PathScope.LAYOUT);

		assertThat(listener.events()).containsExactly(
				new InvalidationEvent(Primitive.UPDATE_TAG, RECORD, InvocationSource.ACTION, t0, "node-a", null),
				new InvalidationEvent(Primitive.REVALIDATE_TAG, LIST, InvocationSource.JOB, t1, "node-a", "days"),
				new InvalidationEvent(Primitive.REVALIDATE_PATH, "/invoices", InvocationSource.ROUTE, t2, "node-a",
						null));
		assertThat(listener.events()).extracting(InvalidationEvent::isPath).containsExactly(false, false, true);
		assertThat(listener.events()).extracting(e -> e.primitive().label())
			.containsExactly("updateTag", "revalidateTag", "revalidatePath");
	}

	@Test
	void aThrowingListenerDoesNotStopTheOthersNorTheInvalidation() {
		RecordingListener second = new RecordingListener();
		TagCache twoListeners = TagCache.builder().clock(clock).instanceId("a").listener(event -> {
			throw new IllegalStateException("listener bug");
		}).listener(second).build();
		CountingLoader loader = new CountingLoader("v");
		twoListeners.get("k", List.of(LIST), CacheLife.DAYS, loader);

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			twoListeners.updateTag(LIST);
		}

		assertThat(second.events()).hasSize(1);
		assertThat(twoListeners.get("k", List.of(LIST), CacheLife.DAYS, loader).value()).isEqualTo("v2");
	}

	@Test
	void invalidationArgumentsAreValidated() {
		assertThatThrownBy(() -> cache.revalidateTag(null, "hours")).isInstanceOf(NullPointerException.class)
			.hasMessage("tag must not be null");
		assertThatThrownBy(() -> cache.revalidateTag("t", (String) null)).isInstanceOf(NullPointerException.class);
		assertThatThrownBy(() -> cache.revalidateTag("t", (CacheLife) null)).isInstanceOf(NullPointerException.class);
		assertThatThrownBy(() -> cache.revalidatePath("invoices")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("must start with '/'");
		assertThatThrownBy(() -> cache.revalidatePath("/a", null)).isInstanceOf(NullPointerException.class);
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			assertThatThrownBy(() -> cache.updateTag(" ")).isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(listener.events()).isEmpty();
	}

}
