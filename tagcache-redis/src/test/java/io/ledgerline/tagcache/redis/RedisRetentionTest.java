package io.ledgerline.tagcache.redis;

import static io.ledgerline.tagcache.redis.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.TagInvalidation;
import io.ledgerline.tagcache.redis.testing.PrivateRedis;
import io.ledgerline.tagcache.testing.CountingLoader;
import io.ledgerline.tagcache.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis keeps the tags touched within the retention window, and a bus that was away while
 * records it missed were trimmed condemns its whole cache. Time is a manual clock; "away"
 * is a Redis user switched off (so the bus cannot reconnect until the test lets it).
 */
class RedisRetentionTest {

	static final String TAG = "org:1:invoices";

	static final Duration RETENTION = Duration.ofHours(1);

	@RegisterExtension
	static final PrivateRedis redis = new PrivateRedis(Integer.getInteger("ledgerline.test.redis-port", 18099));

	static RedisClient admin;

	static StatefulRedisConnection<String, String> adminConnection;

	ManualClock clock = new ManualClock();

	List<RedisInvalidationBus> buses = new ArrayList<>();

	@BeforeAll
	static void connectAdmin() {
		admin = RedisClient.create(redis.uri());
		adminConnection = admin.connect();
	}

	@AfterAll
	static void disconnectAdmin() {
		if (admin != null) {
			adminConnection.close();
			admin.shutdown();
		}
	}

	@AfterEach
	void closeBuses() {
		buses.forEach(RedisInvalidationBus::close);
	}

	RedisInvalidationBus bus(String uri) {
		RedisInvalidationBus bus = redis.busBuilder()
			.uri(uri)
			.clock(clock)
			.retention(RETENTION)
			// Only the test trims, at the times it chooses.
			.trimInterval(Duration.ofDays(1))
			.build()
			.start();
		buses.add(bus);
		return bus;
	}

	static RedisCommands<String, String> redis() {
		return adminConnection.sync();
	}

	/**
	 * A Redis user of its own, so that a test can shut one bus out, and let it back in,
	 * alone.
	 */
	static String newUser() {
		String user = "b-" + UUID.randomUUID();
		redis().aclSetuser(user, AclSetuserArgs.Builder.on().addPassword("pw").allKeys().allChannels().allCommands());
		return user;
	}

	static String uriOf(String user) {
		return "redis://" + user + ":pw@127.0.0.1:" + redis.port();
	}

	/** Drops {@code user}'s connections; they cannot come back until {@link #letIn}. */
	static void shutOut(String user) {
		redis().aclSetuser(user, AclSetuserArgs.Builder.off());
		redis().clientKill(KillArgs.Builder.user(user));
	}

	static void letIn(String user) {
		redis().aclSetuser(user, AclSetuserArgs.Builder.on());
	}

	static void publish(RedisInvalidationBus bus, String tag, ManualClock clock) {
		bus.publish(
				new TagInvalidation(tag, TagInvalidation.Kind.EXPIRE, bus.nextEpoch(1), clock.instant(), null, "a"));
	}

	@Test
	void redisHoldsTheTagsTouchedWithinTheWindowNotEveryTagEverWritten() {
		RedisInvalidationBus bus = bus(redis.uri());
		await("connected", bus::isConnected);
		int old = RedisInvalidationBus.TRIM_BATCH * 2 + 7;
		for (int i = 0; i < old; i++) {
			publish(bus, "org:1:invoice:" + i, clock);
		}
		assertThat(bus.trim()).as("nothing is older than the window yet").isZero();

		clock.advance(Duration.ofMinutes(30));
		publish(bus, TAG, clock);
		assertThat(bus.trim()).isZero();
		assertThat(redis().zcard(redis.prefix() + "tag-epochs")).isEqualTo(old + 1);

		clock.advance(Duration.ofMinutes(31));
		assertThat(bus.trim()).as("every tag last touched more than an hour ago, in batches").isEqualTo(old);
		assertThat(redis().zrange(redis.prefix() + "tag-epochs", 0, -1)).containsExactly("E|" + TAG);
		assertThat(redis().hkeys(redis.prefix() + "tag-messages")).containsExactly("E|" + TAG);

		clock.advance(Duration.ofMinutes(35));
		assertThat(bus.trim()).isEqualTo(1);
		assertThat(redis().zcard(redis.prefix() + "tag-epochs")).isZero();
		assertThat(redis().hlen(redis.prefix() + "tag-messages")).isZero();
		assertThat(redis().zcard(redis.prefix() + "epoch-marks")).as("the marks are bounded too")
			.isLessThanOrEqualTo(2);
	}

	@Test
	void aBusAwayWhileWhatItMissedWasTrimmedCondemnsItsWholeCacheWhenItReturns() {
		String user = newUser();
		RedisInvalidationBus busA = bus(redis.uri());
		RedisInvalidationBus busB = bus(uriOf(user));
		List<String> gapsOnA = new CopyOnWriteArrayList<>();
		List<String> gapsOnB = new CopyOnWriteArrayList<>();
		busA.subscribeToGaps(gapsOnA::add);
		busB.subscribeToGaps(gapsOnB::add);
		TagCache a = TagCache.builder().clock(clock).bus(busA).instanceId("a").build();
		TagCache b = TagCache.builder().clock(clock).bus(busB).instanceId("b").build();
		await("both connected", () -> busA.isConnected() && busB.isConnected());
		CountingLoader invoices = new CountingLoader("invoices");
		CountingLoader untouched = new CountingLoader("tickets");
		b.get("list", List.of(TAG), CacheLife.DAYS, invoices);
		b.get("tickets", List.of("org:1:tickets"), CacheLife.DAYS, untouched);

		// b goes away: it cannot reconnect while its user is off.
		shutOut(user);
		await("b noticed", () -> !busB.isConnected());
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			a.updateTag(TAG);
		}
		busA.trim();
		clock.advance(RETENTION.plusMinutes(5));
		assertThat(busA.trim()).as("the update b missed is older than the window").isEqualTo(1);

		letIn(user);
		await("b back", busB::isConnected);

		assertThat(gapsOnB).singleElement().asString().contains("trimmed");
		assertThat(b.get("list", List.of(TAG), CacheLife.DAYS, invoices).value()).isEqualTo("invoices2");
		assertThat(b.get("tickets", List.of("org:1:tickets"), CacheLife.DAYS, untouched).value())
			.as("condemned too: b cannot know which tags it missed")
			.isEqualTo("tickets2");
		assertThat(gapsOnA).as("a never left").isEmpty();
	}

	@Test
	void aBusAwayOnlyWithinTheWindowCatchesUpTagByTagAndKeepsTheRest() {
		String user = newUser();
		RedisInvalidationBus busA = bus(redis.uri());
		RedisInvalidationBus busB = bus(uriOf(user));
		List<String> gapsOnB = new CopyOnWriteArrayList<>();
		busB.subscribeToGaps(gapsOnB::add);
		TagCache a = TagCache.builder().clock(clock).bus(busA).instanceId("a").build();
		TagCache b = TagCache.builder().clock(clock).bus(busB).instanceId("b").build();
		await("both connected", () -> busA.isConnected() && busB.isConnected());
		CountingLoader invoices = new CountingLoader("invoices");
		CountingLoader untouched = new CountingLoader("tickets");
		b.get("list", List.of(TAG), CacheLife.DAYS, invoices);
		b.get("tickets", List.of("org:1:tickets"), CacheLife.DAYS, untouched);

		// A record b received, then trimmed once older than the window.
		long old = busA.nextEpoch(1);
		busA.publish(new TagInvalidation("org:1:old", TagInvalidation.Kind.EXPIRE, old, clock.instant(), null, "a"));
		busA.trim();
		await("b's catch-up would start past it", () -> busB.catchUpFrom() >= old);
		clock.advance(RETENTION.plusMinutes(5));

		shutOut(user);
		await("b noticed", () -> !busB.isConnected());
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			a.updateTag(TAG);
		}
		assertThat(busA.trim()).as("the record b had received").isEqualTo(1);
		letIn(user);
		await("b back", busB::isConnected);

		assertThat(gapsOnB).isEmpty();
		assertThat(b.get("list", List.of(TAG), CacheLife.DAYS, invoices).value()).isEqualTo("invoices2");
		assertThat(b.get("tickets", List.of("org:1:tickets"), CacheLife.DAYS, untouched).value())
			.as("kept: only the missed tags were condemned")
			.isEqualTo("tickets1");
	}

	@Test
	void aBusBuiltAfterATrimDoesNotCondemnAnythingOnItsFirstConnection() {
		RedisInvalidationBus busA = bus(redis.uri());
		await("a connected", busA::isConnected);
		publish(busA, TAG, clock);
		busA.trim();
		clock.advance(RETENTION.plusMinutes(5));
		assertThat(busA.trim()).isEqualTo(1);

		RedisInvalidationBus late = bus(redis.uri());
		List<String> gaps = new CopyOnWriteArrayList<>();
		late.subscribeToGaps(gaps::add);
		await("the late bus connected", late::isConnected);

		assertThat(gaps).as("what was trimmed predates it").isEmpty();
	}

}
