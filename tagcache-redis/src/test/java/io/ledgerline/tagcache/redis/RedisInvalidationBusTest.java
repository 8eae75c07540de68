package io.ledgerline.tagcache.redis;

import static io.ledgerline.tagcache.redis.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.TagInvalidation;
import io.ledgerline.tagcache.redis.testing.PrivateRedis;
import io.ledgerline.tagcache.testing.CountingLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two caches on two buses over one real (private) Redis. */
class RedisInvalidationBusTest {

	static final String TAG = "org:1:invoices";

	@RegisterExtension
	static final PrivateRedis redis = new PrivateRedis(Integer.getInteger("ledgerline.test.redis-port", 18099));

	List<RedisInvalidationBus> buses = new ArrayList<>();

	@AfterEach
	void closeBuses() {
		buses.forEach(RedisInvalidationBus::close);
	}

	RedisInvalidationBus bus() {
		RedisInvalidationBus bus = redis.busBuilder().build().start();
		buses.add(bus);
		return bus;
	}

	@Test
	void anUpdateTagOnOneInstanceExpiresTheOthersEntry() {
		RedisInvalidationBus busA = bus();
		RedisInvalidationBus busB = bus();
		TagCache a = TagCache.builder().bus(busA).instanceId("a").build();
		TagCache b = TagCache.builder().bus(busB).instanceId("b").build();
		// After b's cache: subscribers are told in order, so b has applied it when this
		// hears it.
		List<TagInvalidation> onB = new CopyOnWriteArrayList<>();
		busB.subscribe(onB::add);
		await("both connected", () -> busA.isConnected() && busB.isConnected());
		CountingLoader loader = new CountingLoader("b");
		b.get("k", List.of(TAG), CacheLife.DAYS, loader);

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			a.updateTag(TAG);
		}

		await("b received it", () -> !onB.isEmpty());
		assertThat(onB.get(0).tag()).isEqualTo(TAG);
		assertThat(onB.get(0).origin()).isEqualTo("a");
		assertThat(b.get("k", List.of(TAG), CacheLife.DAYS, loader).value()).isEqualTo("b2");
	}

	@Test
	void aRevalidateTagCarriesItsWindow() {
		RedisInvalidationBus busA = bus();
		RedisInvalidationBus busB = bus();
		List<TagInvalidation> onB = new CopyOnWriteArrayList<>();
		busB.subscribe(onB::add);
		TagCache a = TagCache.builder().bus(busA).instanceId("a").build();
		await("both connected", () -> busA.isConnected() && busB.isConnected());

		a.revalidateTag(TAG, "hours");

		await("b received it", () -> !onB.isEmpty());
		assertThat(onB.get(0).kind()).isEqualTo(TagInvalidation.Kind.STALE);
		assertThat(onB.get(0).staleWindow()).isEqualTo(CacheLife.HOURS.expire());
	}

	@Test
	void epochsAreOneSequenceAcrossBusesAndNeverBelowAProposal() {
		RedisInvalidationBus busA = bus();
		RedisInvalidationBus busB = bus();
		await("both connected", () -> busA.isConnected() && busB.isConnected());
		long first = busA.nextEpoch(1);
		long second = busB.nextEpoch(1);
		long third = busA.nextEpoch(500);
		long fourth = busB.nextEpoch(1);
		assertThat(second).isGreaterThan(first);
		assertThat(third).isEqualTo(500);
		assertThat(fourth).isGreaterThan(third);
	}

	@Test
	void anInstanceThatConnectsLateCatchesUpFromTheSortedSet() {
		RedisInvalidationBus busA = bus();
		await("a connected", busA::isConnected);
		busA.publish(
				new TagInvalidation(TAG, TagInvalidation.Kind.EXPIRE, busA.nextEpoch(1), Instant.now(), null, "a"));

		RedisInvalidationBus late = bus();
		List<TagInvalidation> received = new CopyOnWriteArrayList<>();
		late.subscribe(received::add);

		await("the late bus delivered what it missed", () -> !received.isEmpty());
		assertThat(received.get(0).tag()).isEqualTo(TAG);
	}

	@Test
	void withRedisGoneCallsNeitherHangNorThrowAndTheBusReturnsWithItsCounterRaised() {
		RedisInvalidationBus busA = bus();
		RedisInvalidationBus busB = bus();
		List<TagInvalidation> onB = new CopyOnWriteArrayList<>();
		busB.subscribe(onB::add);
		List<Boolean> statesOfA = new CopyOnWriteArrayList<>();
		busA.addStateListener(statesOfA::add);
		await("both connected", () -> busA.isConnected() && busB.isConnected());
		long before = busA.nextEpoch(1);

		redis.stop();
		try {
			await("a noticed", () -> !busA.isConnected());
			long during = busA.nextEpoch(1);
			assertThat(during).as("a local epoch above everything seen").isGreaterThan(before);
			busA.publish(new TagInvalidation(TAG, TagInvalidation.Kind.EXPIRE, during, Instant.now(), null, "a"));
		}
		finally {
			redis.restart();
		}

		await("both back", () -> busA.isConnected() && busB.isConnected());
		assertThat(statesOfA).containsSubsequence(false, true);
		long after = busB.nextEpoch(1);
		assertThat(after).as("the empty Redis counter was raised above what the buses knew").isGreaterThan(before);
		TagCache a = TagCache.builder().bus(busA).instanceId("a").build();
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			a.updateTag(TAG);
		}
		await("b receives again", () -> onB.stream().anyMatch(m -> m.origin().equals("a")));
	}

	@Test
	void theWireFormatRoundTrips() {
		TagInvalidation stale = new TagInvalidation("\u0000page:/a|b", TagInvalidation.Kind.STALE, 42,
				Instant.parse("2026-01-02T03:04:05.123456789Z"), Duration.ofSeconds(90), "host|9:12");
		TagInvalidation expire = new TagInvalidation(TAG, TagInvalidation.Kind.EXPIRE, 7, Instant.EPOCH, null, "x");
		assertThat(MessageCodec.decode(MessageCodec.encode(stale))).isEqualTo(stale);
		assertThat(MessageCodec.decode(MessageCodec.encode(expire))).isEqualTo(expire);
	}

}
