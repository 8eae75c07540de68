package io.ledgerline.tagcache.redis;

import static io.ledgerline.tagcache.redis.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.InvalidationBus;
import io.ledgerline.tagcache.LocalInvalidationBus;
import io.ledgerline.tagcache.RefreshCoordinator;
import io.ledgerline.tagcache.SharedRefresh;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.TagInvalidation;
import io.ledgerline.tagcache.redis.testing.PrivateRedis;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.tagcache.testing.ManualExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three instances (a cache, its Redis bus and its Redis refresh coordinator each) over
 * one real, private Redis: a revalidated tag is refreshed once per key for all three.
 */
class RedisRefreshCoordinatorTest {

	static final String TAG = "org:1:invoices";

	static final int KEYS = 20;

	// Its own port (one above the other Redis tests'), in case classes run at once.
	@RegisterExtension
	static final PrivateRedis redis = new PrivateRedis(Integer.getInteger("ledgerline.test.redis-port", 18099) + 1);

	ManualClock clock = new ManualClock();

	/** Loader calls per key, over every instance. */
	Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();

	List<AutoCloseable> closing = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = closing.size() - 1; i >= 0; i--) {
			closing.get(i).close();
		}
	}

	record Instance(TagCache cache, InvalidationBus bus, RedisRefreshCoordinator coordinator,
			List<TagInvalidation> heard) {
	}

	RedisRefreshCoordinator coordinator(Duration lease) {
		RedisRefreshCoordinator coordinator = RedisRefreshCoordinator.builder()
			.uri(redis.uri())
			.prefix(redis.prefix())
			// Generous: the build machine may be very busy; an outage is refused at once.
			.commandTimeout(Duration.ofSeconds(2))
			.lease(lease)
			.share("inv:", ValueCodec.utf8())
			.build()
			.start();
		closing.add(coordinator);
		return coordinator;
	}

	RedisInvalidationBus redisBus() {
		RedisInvalidationBus bus = redis.busBuilder().build().start();
		closing.add(bus);
		return bus;
	}

	Instance instance(String id, InvalidationBus bus, Duration lease, java.util.concurrent.Executor refreshes) {
		RedisRefreshCoordinator coordinator = coordinator(lease);
		TagCache cache = TagCache.builder()
			.clock(clock)
			.instanceId(id)
			.bus(bus)
			.refreshCoordinator(coordinator)
			.refreshExecutor(refreshes)
			.build();
		List<TagInvalidation> heard = new CopyOnWriteArrayList<>();
		// After the cache's own subscription: when this hears a message, the cache has
		// it.
		bus.subscribe(heard::add);
		return new Instance(cache, bus, coordinator, heard);
	}

	/** A loader for {@code key} that returns {@code key@n} for its n-th call anywhere. */
	Supplier<String> loader(String key) {
		return () -> key + "@" + loads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
	}

	String read(Instance instance, String key) {
		return instance.cache.get(key, List.of(TAG), CacheLife.HOURS, loader(key)).value();
	}

	/**
	 * Revalidates on the first instance; returns the epoch once every instance heard it.
	 */
	static long revalidate(List<Instance> cluster) {
		int before = cluster.get(1).heard.size();
		cluster.get(0).cache.revalidateTag(TAG, "hours");
		await("every instance heard the revalidation",
				() -> cluster.stream().skip(1).allMatch(i -> i.heard.size() > before));
		return cluster.get(1).heard.get(cluster.get(1).heard.size() - 1).epoch();
	}

	@Test
	void threeInstancesAndARevalidatedTagSeeExactlyOneLoaderCallPerKey() throws Exception {
		List<Instance> cluster = connectedCluster();
		cluster.forEach(this::readEveryKey);
		assertThat(loads.values()).allSatisfy(calls -> assertThat(calls.get()).isEqualTo(3));

		revalidate(cluster);
		assertEveryKeyRefreshedOnceForTheCluster(cluster, 4);
	}

	/**
	 * Redis restarted empty: its epoch counter starts again from the highest epoch the
	 * first instance back had seen, so the instances' states of the tag start at
	 * different epochs, with no invalidation of the tag between them. A result must still
	 * stand in for the others' stale entries.
	 */
	@Test
	void afterRedisComesBackEmptyARevalidatedTagIsStillRefreshedOncePerKey() throws Exception {
		List<Instance> cluster = connectedCluster();
		readEveryKey(cluster.get(0));
		redis.restart();
		await("every bus back", () -> cluster.stream().allMatch(i -> ((RedisInvalidationBus) i.bus).isConnected()));
		// The coordinators reconnect on their own; a claim of a key of no one's answers
		// "lead" once one is back ("alone" before).
		for (Instance instance : cluster) {
			await("coordinator " + instance.cache.instanceId() + " back", () -> instance.coordinator
				.claim("probe:" + UUID.randomUUID(), 1) instanceof RefreshCoordinator.Claim.Lead);
		}
		// Other tags' invalidations after the first reads and between the others.
		cluster.get(2).cache.revalidateTag("org:1:other", "hours");
		await("b heard it", () -> !cluster.get(1).heard.isEmpty());
		readEveryKey(cluster.get(1));
		// c allocated this one: it knows it at once.
		cluster.get(2).cache.revalidateTag("org:1:other", "hours");
		readEveryKey(cluster.get(2));
		assertThat(loads.values()).allSatisfy(calls -> assertThat(calls.get()).isEqualTo(3));

		revalidate(cluster);
		assertEveryKeyRefreshedOnceForTheCluster(cluster, 4);
	}

	private List<Instance> connectedCluster() {
		List<Instance> cluster = new ArrayList<>();
		for (String id : List.of("a", "b", "c")) {
			ExecutorService refreshes = Executors.newFixedThreadPool(4);
			closing.add(refreshes::shutdownNow);
			cluster.add(instance(id, redisBus(), Duration.ofSeconds(30), refreshes));
		}
		await("every bus connected",
				() -> cluster.stream().allMatch(i -> ((RedisInvalidationBus) i.bus).isConnected()));
		return cluster;
	}

	private void readEveryKey(Instance instance) {
		for (int k = 0; k < KEYS; k++) {
			read(instance, "inv:" + k);
		}
	}

	/**
	 * Every instance reads every key at once, over and over, until all serve the
	 * {@code loads}-th value: stale reads race to claim on three instances. Then exactly
	 * one loader call per key happened, by a leader, and no instance went alone.
	 */
	private void assertEveryKeyRefreshedOnceForTheCluster(List<Instance> cluster, int loadsPerKey) throws Exception {
		long leadsBefore = cluster.stream().mapToLong(i -> i.coordinator.counts().leads()).sum();
		long aloneBefore = cluster.stream().mapToLong(i -> i.coordinator.counts().alone()).sum();
		ExecutorService readers = Executors.newFixedThreadPool(6);
		closing.add(readers::shutdownNow);
		List<Future<?>> reading = new ArrayList<>();
		for (Instance instance : cluster) {
			for (int t = 0; t < 2; t++) {
				reading.add(readers.submit(() -> await("all refreshed on " + instance.cache.instanceId(), () -> {
					boolean all = true;
					for (int k = 0; k < KEYS; k++) {
						all &= read(instance, "inv:" + k).endsWith("@" + loadsPerKey);
					}
					return all;
				})));
			}
		}
		for (Future<?> each : reading) {
			each.get(60, TimeUnit.SECONDS);
		}
		assertThat(loads).hasSize(KEYS);
		assertThat(loads.values()).as("one loader call per key for the cluster")
			.allSatisfy(calls -> assertThat(calls.get()).isEqualTo(loadsPerKey));
		long leads = cluster.stream().mapToLong(i -> i.coordinator.counts().leads()).sum();
		long alone = cluster.stream().mapToLong(i -> i.coordinator.counts().alone()).sum();
		assertThat(leads - leadsBefore).isEqualTo(KEYS);
		assertThat(alone - aloneBefore).isZero();
	}

	@Test
	void aCrashedHolderDelaysTheRefreshByItsLeaseOnly() {
		// The lease runs out by Redis's clock (real time), so it is short: two seconds,
		// far above the few milliseconds the three claims below take, so they follow.
		// The followers' wait is on the manual clock: each waits the lease's remaining
		// time, as Redis reported it, then claims again.
		Duration lease = Duration.ofSeconds(2);
		List<ManualExecutor> refreshes = List.of(new ManualExecutor(), new ManualExecutor(), new ManualExecutor());
		List<Instance> cluster = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			cluster.add(instance("abc".substring(i, i + 1), redisBus(), lease, refreshes.get(i)));
		}
		await("every bus connected",
				() -> cluster.stream().allMatch(i -> ((RedisInvalidationBus) i.bus).isConnected()));
		cluster.forEach(i -> read(i, "inv:k"));
		long generation = revalidate(cluster);
		RedisRefreshCoordinator crashed = coordinator(lease);
		assertThat(crashed.claim("inv:k", generation)).isInstanceOf(RefreshCoordinator.Claim.Lead.class);
		crashed.close();

		cluster.forEach(i -> read(i, "inv:k"));
		refreshes.forEach(ManualExecutor::runPending);
		assertThat(cluster).allSatisfy(i -> assertThat(i.coordinator.counts().follows()).isEqualTo(1));
		clock.advance(Duration.ofMillis(1));
		assertThat(cluster.stream().map(i -> read(i, "inv:k"))).as("stale while following")
			.containsExactly("inv:k@1", "inv:k@2", "inv:k@3");
		assertThat(refreshes).allSatisfy(pool -> assertThat(pool.pendingCount()).as("no claim yet").isZero());
		assertThat(loads.get("inv:k").get()).isEqualTo(3);

		clock.advance(lease);
		await("the crashed holder's lease ran out in Redis",
				() -> !cluster.get(1).coordinator.leaseHeld("inv:k", generation));
		assertThat(read(cluster.get(1), "inv:k")).as("stale while b takes over").isEqualTo("inv:k@2");
		refreshes.get(1).runPending();

		assertThat(cluster.get(1).coordinator.counts().leads()).isEqualTo(1);
		assertThat(read(cluster.get(1), "inv:k")).isEqualTo("inv:k@4");
		await("the others received b's refresh", () -> read(cluster.get(0), "inv:k").equals("inv:k@4")
				&& read(cluster.get(2), "inv:k").equals("inv:k@4"));
		assertThat(loads.get("inv:k").get()).isEqualTo(4);
	}

	@Test
	void withRedisDownEachInstanceRefreshesOnItsOwn() {
		// The bus is not what is tested: an in-process one, so the revalidation reaches
		// every cache while Redis is away.
		LocalInvalidationBus bus = new LocalInvalidationBus();
		List<ManualExecutor> refreshes = List.of(new ManualExecutor(), new ManualExecutor(), new ManualExecutor());
		List<Instance> cluster = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			cluster.add(instance("abc".substring(i, i + 1), bus, Duration.ofSeconds(30), refreshes.get(i)));
		}
		cluster.forEach(i -> read(i, "inv:k"));

		redis.stop();
		try {
			cluster.get(0).cache.revalidateTag(TAG, "hours");
			cluster.forEach(
					i -> assertThat(read(i, "inv:k")).as("stale at once").endsWith("@" + (cluster.indexOf(i) + 1)));
			refreshes.forEach(ManualExecutor::runPending);

			assertThat(loads.get("inv:k").get()).as("one refresh per instance").isEqualTo(6);
			assertThat(cluster).allSatisfy(i -> assertThat(i.coordinator.counts().alone()).isEqualTo(1));
			assertThat(cluster.stream().map(i -> read(i, "inv:k"))).containsExactlyInAnyOrder("inv:k@4", "inv:k@5",
					"inv:k@6");
		}
		finally {
			redis.restart();
		}
	}

	@Test
	void aKeyNoCodecCoversIsRefreshedLocallyWithoutAClaim() {
		LocalInvalidationBus bus = new LocalInvalidationBus();
		Instance a = instance("a", bus, Duration.ofSeconds(30), Runnable::run);
		Instance b = instance("b", bus, Duration.ofSeconds(30), Runnable::run);
		read(a, "other:k");
		read(b, "other:k");
		a.cache.revalidateTag(TAG, "hours");

		read(a, "other:k");
		read(b, "other:k");

		assertThat(loads.get("other:k").get()).isEqualTo(4);
		assertThat(a.coordinator.counts()).isEqualTo(new RedisRefreshCoordinator.Counts(0, 0, 0, 0, 0));
	}

	@Test
	void theWireFormatRoundTrips() {
		SharedRefresh refresh = new SharedRefresh("inv:ü|\u0000k", 42, "välue",
				Instant.parse("2026-01-02T03:04:05.123456789Z"),
				List.of(new SharedRefresh.SeenTag("org:1:invoices", 7, 42),
						new SharedRefresh.SeenTag("\u0000page:/a", 0, 3)),
				"host|9:12");
		SharedRefresh back = RefreshWire.decode(RefreshWire.encode(refresh, ValueCodec.utf8().encode("välue")),
				key -> bytes -> ValueCodec.utf8().decode(bytes));
		assertThat(back).isEqualTo(refresh);
		assertThat(RefreshWire.decode(RefreshWire.encode(refresh, new byte[0]), key -> null)).isNull();
	}

}
