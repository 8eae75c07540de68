package io.ledgerline.tagcache.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.ledgerline.tagcache.InvalidationIntent;
import io.ledgerline.tagcache.TagInvalidation;
import io.ledgerline.tagcache.jdbc.testing.TestDatabase;
import io.ledgerline.tagcache.jdbc.testing.TestTransactions;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;
import io.ledgerline.tagcache.redis.testing.RedisProcess;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * The journal follower on the run's database ({@link TestDatabase}: H2, and PostgreSQL in
 * its execution) and a private Redis it never hears these rows on: every row written
 * elsewhere after its position is delivered exactly once, the first after the position
 * and a row that commits after a higher one included, and a catch-up reads only what it
 * has not read. Another connection holds a transaction open with its position allocated.
 */
class JournalFollowerTests {

	// Long before any other test's rows: the positions it rolls back are old news to
	// them.
	static final Instant T0 = Instant.parse("2020-03-01T12:00:00Z");

	static final Duration GAP_TIMEOUT = Duration.ofMinutes(1);

	static RedisProcess redis;

	static final DataSource database = TestDatabase.open();

	TestTransactions transactions = new TestTransactions(database);

	InvalidationJournal journal = InvalidationJournal.of(database, transactions);

	ManualClock clock = new ManualClock(T0);

	JournalFollower follower;

	/** Starts this test's tags, so only its rows are counted. */
	String run = "follower-test:" + UUID.randomUUID() + ":";

	List<String> delivered = new CopyOnWriteArrayList<>();

	List<String> condemned = new CopyOnWriteArrayList<>();

	ExecutorService other = Executors.newSingleThreadExecutor();

	@BeforeAll
	static void startRedis() {
		redis = RedisProcess.start(Integer.getInteger("ledgerline.test.redis-port", 18170));
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void follow() {
		RedisInvalidationBus bus = RedisInvalidationBus.builder()
			.uri(redis.uri())
			.prefix("ll-follower-" + UUID.randomUUID() + ":")
			.build();
		// Only the test reads the journal: no poll within the test.
		follower = JournalFollower.builder(journal, bus)
			.instanceId("here")
			.staleBound(Duration.ofSeconds(5))
			.catchUpInterval(Duration.ofHours(1))
			.gapTimeout(GAP_TIMEOUT)
			.clock(clock)
			.start();
		follower.subscribe(message -> {
			if (message.tag().startsWith(run)) {
				delivered.add(message.tag().substring(run.length()));
			}
		});
		follower.subscribeToGaps(condemned::add);
		await("the bus connected and the first catch-up done", () -> !follower.isDegraded());
		delivered.clear();
	}

	@AfterEach
	void stop() {
		follower.close();
		other.shutdownNow();
	}

	@Test
	void everyRowWrittenElsewhereAfterThePositionIsDeliveredOnceTheFirstIncluded() {
		long start = follower.position();
		long first = write("first", "elsewhere");
		long second = write("second", "elsewhere");
		long own = write("own", "here");
		assertThat(first).isGreaterThan(start);

		assertThat(follower.catchUp()).isEqualTo(2);
		assertThat(delivered).as("not the row this instance wrote itself").containsExactly("first", "second");
		assertThat(follower.position()).isEqualTo(own);
		assertThat(follower.hasRead(second)).isTrue();

		long reads = follower.catchUps();
		follower.catchUpTo(first);
		assertThat(follower.catchUps()).as("a token already read costs no read").isEqualTo(reads);
		assertThat(follower.catchUp()).isZero();
		assertThat(delivered).containsExactly("first", "second");
		assertThat(condemned).isEmpty();
	}

	@Test
	void aRowCommittingAfterAHigherOneIsDeliveredOnceWhenItAppears() throws Exception {
		HeldWrite late = holdOpen("late");
		long after = write("after", "elsewhere");
		assertThat(after).isGreaterThan(late.seq());

		assertThat(follower.catchUp()).isEqualTo(1);
		assertThat(delivered).containsExactly("after");
		assertThat(follower.position()).isEqualTo(after);
		assertThat(follower.hasRead(late.seq())).as("a gap, still pending").isFalse();

		late.commit();
		long reads = follower.catchUps();
		follower.catchUpTo(late.seq());
		assertThat(follower.catchUps()).as("its token makes the instance read").isEqualTo(reads + 1);
		assertThat(delivered).containsExactly("after", "late");
		assertThat(follower.hasRead(late.seq())).isTrue();

		assertThat(follower.catchUp()).isZero();
		assertThat(delivered).containsExactly("after", "late");
		assertThat(follower.gaps().filled()).isEqualTo(1);
		assertThat(condemned).isEmpty();
	}

	@Test
	void aPositionRolledBackIsGivenUpAfterTheGapTimeoutWithoutCondemningAnything() {
		long rolledBack = transactions.rolledBack(() -> journal.append(intents("never"), "elsewhere", clock.instant()));
		write("after", "elsewhere");
		follower.catchUp();
		assertThat(follower.hasRead(rolledBack)).isFalse();

		clock.advance(GAP_TIMEOUT);
		follower.catchUp();
		assertThat(follower.hasRead(rolledBack)).as("not older than the timeout yet").isFalse();
		clock.advance(Duration.ofMillis(1));
		follower.catchUp();

		assertThat(follower.hasRead(rolledBack)).isTrue();
		assertThat(follower.gaps().timedOut()).isEqualTo(1);
		assertThat(delivered).containsExactly("after");
		assertThat(condemned).isEmpty();
	}

	@Test
	void aGapAtOrBelowThePrunedPositionCondemnsEverything() throws Exception {
		HeldWrite late = holdOpen("late");
		long after = write("after", "elsewhere");
		follower.catchUp();
		// Everything older than the retention is pruned, the row above the gap too.
		JournalPruner.builder(journal).clock(clock).build().prune(T0.plus(Duration.ofHours(2)));
		assertThat(journal.prunedThrough()).isGreaterThanOrEqualTo(after);

		follower.catchUp();

		assertThat(condemned).hasSize(1);
		assertThat(follower.lostGaps()).isEqualTo(1);
		assertThat(follower.hasRead(late.seq())).isTrue();
		late.commit();
	}

	@Test
	void aHealthyInstanceMovesUpWithoutDeliveringAndARowCommittedDuringAnOutageArrivesOnReconnect() throws Exception {
		HeldWrite late = holdOpen("late");
		long after = write("after", "elsewhere");

		// Two ticks of the poller while the bus is up: the rows then visible were heard
		// over Redis.
		follower.keepUp();
		follower.keepUp();
		assertThat(follower.position()).isEqualTo(after);
		assertThat(follower.hasRead(late.seq())).isFalse();
		assertThat(delivered).isEmpty();

		redis.stop();
		try {
			await("the bus down", follower::isDegraded);
			late.commit();
		}
		finally {
			redis.restart();
		}
		await("the bus back and caught up", () -> !follower.isDegraded());

		assertThat(delivered).as("only the row Redis could not carry").containsExactly("late");
		assertThat(follower.hasRead(late.seq())).isTrue();
		follower.keepUp();
		follower.keepUp();
		assertThat(follower.catchUp()).isZero();
		assertThat(delivered).containsExactly("late");
		assertThat(condemned).isEmpty();
	}

	// ---------------------------------------------------------------------------------

	long write(String tag, String origin) {
		return transactions.inTransaction(() -> journal.append(intents(tag), origin, clock.instant()));
	}

	List<InvalidationIntent> intents(String tag) {
		return List.of(new InvalidationIntent(run + tag, TagInvalidation.Kind.EXPIRE, null));
	}

	/**
	 * A write on another connection whose position is allocated and whose transaction
	 * stays open until {@link #commit}.
	 */
	HeldWrite holdOpen(String tag) throws Exception {
		CompletableFuture<Long> allocated = new CompletableFuture<>();
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Long> committed = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> {
			long seq = journal.append(intents(tag), "elsewhere", clock.instant());
			allocated.complete(seq);
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return seq;
		}), other);
		return new HeldWrite(allocated.get(10, TimeUnit.SECONDS), release, committed);
	}

	record HeldWrite(long seq, CountDownLatch release, CompletableFuture<Long> committed) {

		void commit() throws Exception {
			release.countDown();
			committed.get(10, TimeUnit.SECONDS);
		}

	}

	static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out after 15 s waiting until " + what);
			}
			Thread.onSpinWait();
		}
	}

}
