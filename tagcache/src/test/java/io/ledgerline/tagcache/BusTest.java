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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances sharing one bus behave as one cache. */
class BusTest {

	static final String TAG = "org:1:invoices";

	ManualClock clock;

	LocalInvalidationBus bus;

	List<TagInvalidation> wire;

	ManualExecutor refreshesA;

	ManualExecutor refreshesB;

	RecordingListener eventsA;

	RecordingListener eventsB;

	TagCache a;

	TagCache b;

	@BeforeEach
	void setUp() {
		clock = new ManualClock();
		bus = new LocalInvalidationBus();
		wire = new CopyOnWriteArrayList<>();
		bus.subscribe(wire::add);
		refreshesA = new ManualExecutor();
		refreshesB = new ManualExecutor();
		eventsA = new RecordingListener();
		eventsB = new RecordingListener();
		a = TagCache.builder()
			.clock(clock)
			.bus(bus)
			.instanceId("a")
			.refreshExecutor(refreshesA)
			.listener(eventsA)
			.build();
		b = TagCache.builder()
			.clock(clock)
			.bus(bus)
			.instanceId("b")
			.refreshExecutor(refreshesB)
			.listener(eventsB)
			.build();
	}

	@Test
	void updateTagOnOneInstanceExpiresTheOthersEntries() {
		CountingLoader onB = new CountingLoader("b");
		b.get("k", List.of(TAG), CacheLife.DAYS, onB);

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			a.updateTag(TAG);
		}

		assertThat(b.get("k", List.of(TAG), CacheLife.DAYS, onB).value()).isEqualTo("b2");
		assertThat(eventsA.events()).hasSize(1);
		assertThat(eventsB.events()).as("only the instance that performed it reports it").isEmpty();
		assertThat(b.stats().updateTags()).isZero();
	}

	@Test
	void revalidateTagOnOneInstanceMakesTheOthersEntriesStaleWithTheSameWindow() {
		CacheLife window = new CacheLife("window", Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(30));
		CountingLoader onB = new CountingLoader("b");
		b.get("k", List.of(TAG), CacheLife.DAYS, onB);
		b.get("k2", List.of(TAG), CacheLife.DAYS, onB);

		a.revalidateTag(TAG, window);

		assertThat(b.get("k", List.of(TAG), CacheLife.DAYS, onB).value()).isEqualTo("b1");
		assertThat(refreshesB.runPending()).isEqualTo(1);
		assertThat(b.get("k", List.of(TAG), CacheLife.DAYS, onB).value()).isEqualTo("b3");

		clock.advance(Duration.ofSeconds(30));
		assertThat(b.get("k2", List.of(TAG), CacheLife.DAYS, onB).value())
			.as("the window started when a revalidated, and is over")
			.isEqualTo("b4");
	}

	@Test
	void revalidatePathOnOneInstanceReachesTheOthersPages() {
		CountingLoader renders = new CountingLoader("page");
		b.getPage("/invoices/7", "org:1", List.of(), CacheLife.DAYS, renders);

		a.revalidatePath("/invoices", PathScope.LAYOUT);

		assertThat(b.getPage("/invoices/7", "org:1", List.of(), CacheLife.DAYS, renders).value()).isEqualTo("page2");
	}

	@Test
	void messagesCarryTheTagItsNewEpochAndTheOrigin() {
		Instant at = clock.instant();
		a.revalidateTag(TAG, "hours");
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			b.updateTag(TAG);
		}

		assertThat(wire).hasSize(2);
		TagInvalidation first = wire.get(0);
		TagInvalidation second = wire.get(1);
		assertThat(first).isEqualTo(
				new TagInvalidation(TAG, TagInvalidation.Kind.STALE, first.epoch(), at, CacheLife.HOURS.expire(), "a"));
		assertThat(second)
			.isEqualTo(new TagInvalidation(TAG, TagInvalidation.Kind.EXPIRE, second.epoch(), at, null, "b"));
		assertThat(second.epoch()).as("one epoch sequence for the whole bus").isGreaterThan(first.epoch());
	}

	@Test
	void invalidationsFromBothInstancesNeverHideEachOther() {
		CountingLoader onA = new CountingLoader("a");
		CountingLoader onB = new CountingLoader("b");
		a.get("k", List.of(TAG), CacheLife.DAYS, onA);
		b.get("k", List.of(TAG), CacheLife.DAYS, onB);

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			a.updateTag(TAG);
			assertThat(a.get("k", List.of(TAG), CacheLife.DAYS, onA).value()).isEqualTo("a2");
			b.updateTag(TAG);
		}

		assertThat(a.get("k", List.of(TAG), CacheLife.DAYS, onA).value())
			.as("a's entry loaded after its own write is still reached by b's later write")
			.isEqualTo("a3");
	}

	@Test
	void aReplayedMessageChangesNothing() {
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			a.updateTag(TAG);
		}
		TagInvalidation old = wire.get(0);
		CountingLoader onB = new CountingLoader("b");
		b.get("k", List.of(TAG), CacheLife.DAYS, onB);

		bus.publish(old); // a reconnecting bus delivering what b already had

		assertThat(b.get("k", List.of(TAG), CacheLife.DAYS, onB).value()).isEqualTo("b1");
	}

	@Test
	void aMessageFromElsewhereWithAHigherEpochInvalidates() {
		CountingLoader onB = new CountingLoader("b");
		b.get("k", List.of(TAG), CacheLife.DAYS, onB);

		bus.publish(new TagInvalidation(TAG, TagInvalidation.Kind.EXPIRE, 1_000, clock.instant(), null, "c"));

		assertThat(b.get("k", List.of(TAG), CacheLife.DAYS, onB).value()).isEqualTo("b2");
	}

	@Test
	void anInstanceIgnoresItsOwnEcho() {
		CountingLoader onA = new CountingLoader("a");
		a.get("k", List.of(TAG), CacheLife.DAYS, onA);

		bus.publish(new TagInvalidation(TAG, TagInvalidation.Kind.EXPIRE, 1_000, clock.instant(), null, "a"));

		assertThat(a.get("k", List.of(TAG), CacheLife.DAYS, onA).value()).isEqualTo("a1");
	}

	@Test
	void localBusEpochsAreUniqueAndNeverBelowAProposal() {
		LocalInvalidationBus fresh = new LocalInvalidationBus();
		List<Long> epochs = new ArrayList<>();
		epochs.add(fresh.nextEpoch(1));
		epochs.add(fresh.nextEpoch(1));
		epochs.add(fresh.nextEpoch(50));
		epochs.add(fresh.nextEpoch(3));
		assertThat(epochs).containsExactly(1L, 2L, 50L, 51L);
	}

	@Test
	void aThrowingSubscriberDoesNotStopDeliveryButFailsThePublish() {
		LocalInvalidationBus fresh = new LocalInvalidationBus();
		List<TagInvalidation> received = new ArrayList<>();
		fresh.subscribe(message -> {
			throw new IllegalStateException("subscriber bug");
		});
		fresh.subscribe(received::add);
		TagInvalidation message = new TagInvalidation(TAG, TagInvalidation.Kind.EXPIRE, 1, clock.instant(), null, "x");

		assertThatThrownBy(() -> fresh.publish(message)).hasMessage("subscriber bug");
		assertThat(received).containsExactly(message);
	}

	@Test
	void messagesAreValidated() {
		Instant now = clock.instant();
		assertThatThrownBy(() -> new TagInvalidation(TAG, TagInvalidation.Kind.EXPIRE, 0, now, null, "a"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(
				() -> new TagInvalidation(TAG, TagInvalidation.Kind.EXPIRE, 1, now, Duration.ofSeconds(1), "a"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TagInvalidation(null, TagInvalidation.Kind.STALE, 1, now, null, "a"))
			.isInstanceOf(NullPointerException.class);
	}

}
