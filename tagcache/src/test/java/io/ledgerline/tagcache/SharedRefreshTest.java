package io.ledgerline.tagcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.tagcache.testing.CountingLoader;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.tagcache.testing.ManualExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three caches on one bus and one in-process {@link RefreshCoordinator}: a revalidated
 * key is refreshed by one of them for all three.
 */
class SharedRefreshTest {

	static final String TAG = "org:1:invoices";

	static final List<String> TAGS = List.of(TAG);

	static final Duration LEASE = Duration.ofSeconds(5);

	ManualClock clock;

	LocalInvalidationBus bus;

	List<TagInvalidation> wire;

	LocalRefreshCoordinator coordinator;

	CountingLoader loader;

	TagCache a;

	TagCache b;

	TagCache c;

	ManualExecutor refreshesA;

	ManualExecutor refreshesB;

	ManualExecutor refreshesC;

	@BeforeEach
	void setUp() {
		clock = new ManualClock();
		bus = new LocalInvalidationBus();
		wire = new CopyOnWriteArrayList<>();
		bus.subscribe(wire::add);
		coordinator = new LocalRefreshCoordinator(clock, LEASE, LEASE.multipliedBy(3));
		loader = new CountingLoader("v");
		refreshesA = new ManualExecutor();
		refreshesB = new ManualExecutor();
		refreshesC = new ManualExecutor();
		a = cache("a", refreshesA);
		b = cache("b", refreshesB);
		c = cache("c", refreshesC);
	}

	TagCache cache(String id, ManualExecutor refreshes) {
		return TagCache.builder()
			.clock(clock)
			.bus(bus)
			.refreshCoordinator(coordinator)
			.instanceId(id)
			.refreshExecutor(refreshes)
			.build();
	}

	Cached<String> read(TagCache cache) {
		return read(cache, loader);
	}

	Cached<String> read(TagCache cache, Supplier<String> loader) {
		return cache.get("k", TAGS, CacheLife.HOURS, loader);
	}

	/** Every cache holds a value of its own, then one revalidation reaches them all. */
	long warmThenRevalidate() {
		read(a);
		read(b);
		read(c);
		a.revalidateTag(TAG, "hours");
		return wire.get(wire.size() - 1).epoch();
	}

	@Test
	void oneCacheRefreshesARevalidatedKeyForAllThree() {
		warmThenRevalidate();
		assertThat(loader.calls()).isEqualTo(3);

		assertThat(read(b).value()).as("stale, at once").isEqualTo("v2");
		assertThat(read(a).value()).isEqualTo("v1");
		assertThat(read(c).value()).isEqualTo("v3");
		Instant refreshedAt = clock.advance(Duration.ofMillis(10));
		refreshesB.runPending();
		refreshesA.runPending();
		refreshesC.runPending();

		assertThat(loader.calls()).as("one refresh for the three").isEqualTo(4);
		for (TagCache cache : List.of(a, b, c)) {
			assertThat(read(cache)).extracting(Cached::value, Cached::fetchedAt).containsExactly("v4", refreshedAt);
		}
		assertThat(refreshesA.pendingCount() + refreshesB.pendingCount() + refreshesC.pendingCount())
			.as("fresh everywhere: no further refresh")
			.isZero();
	}

	@Test
	void othersServeStaleWhileTheLeaseIsHeldAndLeadOnceItRunsOut() {
		long generation = warmThenRevalidate();
		// A holder that never completes: it crashed with the lease.
		assertThat(coordinator.claim("k", generation)).isInstanceOf(RefreshCoordinator.Claim.Lead.class);

		for (TagCache cache : List.of(a, b, c)) {
			read(cache);
		}
		refreshesA.runPending();
		refreshesB.runPending();
		refreshesC.runPending();
		clock.advance(LEASE.minusMillis(1));
		assertThat(read(a).value()).isEqualTo("v1");
		assertThat(read(b).value()).isEqualTo("v2");
		assertThat(refreshesA.pendingCount() + refreshesB.pendingCount()).as("following: no claim").isZero();
		assertThat(loader.calls()).isEqualTo(3);

		clock.advance(Duration.ofMillis(1));
		assertThat(read(b).value()).as("still stale while b takes over").isEqualTo("v2");
		refreshesB.runPending();

		assertThat(loader.calls()).isEqualTo(4);
		for (TagCache cache : List.of(a, b, c)) {
			assertThat(read(cache).value()).isEqualTo("v4");
		}
	}

	@Test
	void aLeaderWhoseLoaderFailsLetsTheNextClaimantLeadAtOnce() {
		warmThenRevalidate();
		read(a, () -> {
			throw new IllegalStateException("database away");
		});
		refreshesA.runPending();
		assertThat(a.stats().refreshFailures()).isEqualTo(1);

		read(b);
		refreshesB.runPending();

		assertThat(loader.calls()).isEqualTo(4);
		assertThat(read(a).value()).isEqualTo("v4");
		assertThat(read(c).value()).isEqualTo("v4");
	}

	@Test
	void aClaimAfterTheResultTakesItWithoutLoading() {
		long generation = warmThenRevalidate();
		RefreshCoordinator.Claim.Lead lead = (RefreshCoordinator.Claim.Lead) coordinator.claim("k", generation);
		// The result was kept, but b never heard of it (it joined late, say).
		LocalRefreshCoordinator quiet = coordinator;
		quiet.complete(lead, new SharedRefresh("k", generation, "elsewhere", clock.instant(),
				List.of(new SharedRefresh.SeenTag(TAG, 0, generation)), "a"));

		assertThat(read(b).value()).as("delivered to b and c on completion").isEqualTo("elsewhere");
		assertThat(loader.calls()).isEqualTo(3);

		// a's own stale entry was not replaced (the result came "from" a); its claim
		// takes it.
		assertThat(read(a).value()).isEqualTo("v1");
		refreshesA.runPending();
		assertThat(read(a).value()).isEqualTo("elsewhere");
		assertThat(loader.calls()).isEqualTo(3);
	}

	@Test
	void aSharedResultStaysStaleForARevalidationItsLeaderHadNotSeen() {
		long first = warmThenRevalidate();
		RefreshCoordinator.Claim.Lead lead = (RefreshCoordinator.Claim.Lead) coordinator.claim("k", first);
		b.revalidateTag(TAG, "hours");
		long second = wire.get(wire.size() - 1).epoch();

		coordinator.complete(lead, new SharedRefresh("k", first, "before-second", clock.instant(),
				List.of(new SharedRefresh.SeenTag(TAG, 0, first)), "elsewhere"));

		assertThat(read(c).value()).isEqualTo("before-second");
		assertThat(refreshesC.pendingCount()).as("stale: the second revalidation is still to refresh").isEqualTo(1);
		refreshesC.runPending();
		assertThat(second).isGreaterThan(first);
		assertThat(read(c).value()).isEqualTo("v4");
		assertThat(read(a).value()).as("c's refresh of the second generation, shared").isEqualTo("v4");
	}

	@Test
	void aResultLoadedBeforeAnUpdateThisCacheKnowsOfIsRefused() {
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			a.updateTag(TAG);
		}
		long generation = warmThenRevalidate();
		RefreshCoordinator.Claim.Lead lead = (RefreshCoordinator.Claim.Lead) coordinator.claim("k", generation);

		// Its leader loaded before the update (expire epoch 0): it may not stand in for
		// entries loaded after it.
		coordinator.complete(lead, new SharedRefresh("k", generation, "before-update", clock.instant(),
				List.of(new SharedRefresh.SeenTag(TAG, 0, generation)), "elsewhere"));

		assertThat(read(b).value()).isEqualTo("v2");
		refreshesB.runPending();
		assertThat(read(b).value()).as("refused at the claim too: refreshed here").isEqualTo("v4");
	}

	@Test
	void aResultIsTakenWhereTheTagsStateStartedAtAHigherEpochThanTheLeaders() {
		read(a);
		// Another tag's invalidation between the first reads: b and c start their state
		// of
		// TAG above the epoch a's started at, though nothing invalidated TAG in between
		// (caches that started at different times always differ so).
		c.revalidateTag("org:1:other", "hours");
		read(b);
		read(c);
		a.revalidateTag(TAG, "hours");
		assertThat(loader.calls()).isEqualTo(3);

		assertThat(read(a).value()).isEqualTo("v1");
		assertThat(read(b).value()).isEqualTo("v2");
		assertThat(read(c).value()).isEqualTo("v3");
		Instant refreshedAt = clock.advance(Duration.ofMillis(10));
		refreshesA.runPending();
		refreshesB.runPending();
		refreshesC.runPending();

		assertThat(loader.calls()).as("a led; b and c took its result").isEqualTo(4);
		for (TagCache cache : List.of(a, b, c)) {
			assertThat(read(cache)).extracting(Cached::value, Cached::fetchedAt).containsExactly("v4", refreshedAt);
		}
		assertThat(refreshesB.pendingCount() + refreshesC.pendingCount()).as("fresh: nothing left to refresh").isZero();
	}

	@Test
	void aResultIsRefusedWhereAnUpdateAboveEverythingTheLeaderHadSeenIsKnown() {
		long generation = warmThenRevalidate();
		RefreshCoordinator.Claim.Lead lead = (RefreshCoordinator.Claim.Lead) coordinator.claim("k", generation);
		// b's write lands after the leader's loader started: its epoch is above all the
		// leader had seen.
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			b.updateTag(TAG);
		}
		long update = wire.get(wire.size() - 1).epoch();
		coordinator.complete(lead, new SharedRefresh("k", generation, "before-update", clock.instant(),
				List.of(new SharedRefresh.SeenTag(TAG, update - 1, update - 1)), "elsewhere"));

		assertThat(read(c).value()).as("dead here: loaded afresh").isEqualTo("v4");
	}

	@Test
	void anEntryStaleByAgeAloneIsRefreshedByEachCache() {
		read(a);
		read(b);
		clock.advance(CacheLife.HOURS.revalidate());

		read(a);
		read(b);
		refreshesA.runPending();
		refreshesB.runPending();

		assertThat(loader.calls()).isEqualTo(4);
	}

	@Test
	void withoutACoordinatorEachCacheRefreshesOnItsOwn() {
		TagCache alone1 = TagCache.builder()
			.clock(clock)
			.bus(bus)
			.instanceId("x")
			.refreshExecutor(Runnable::run)
			.build();
		TagCache alone2 = TagCache.builder()
			.clock(clock)
			.bus(bus)
			.instanceId("y")
			.refreshExecutor(Runnable::run)
			.build();
		read(alone1);
		read(alone2);
		alone1.revalidateTag(TAG, "hours");

		read(alone1);
		read(alone2);

		assertThat(loader.calls()).isEqualTo(4);
	}

}
