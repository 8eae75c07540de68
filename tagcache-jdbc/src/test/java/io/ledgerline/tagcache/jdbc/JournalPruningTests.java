package io.ledgerline.tagcache.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.ledgerline.tagcache.InvalidationIntent;
import io.ledgerline.tagcache.TagInvalidation;
import io.ledgerline.tagcache.jdbc.testing.TestDatabase;
import io.ledgerline.tagcache.jdbc.testing.TestTransactions;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * The journal keeps its retention window: older rows go in short batches, the highest
 * pruned position is kept, and neither appends nor reads wait for a prune in progress.
 * Times are given, not read from a clock that moves by itself. On the run's database
 * ({@link TestDatabase}).
 */
class JournalPruningTests {

	static final Instant T0 = Instant.parse("2031-03-01T12:00:00Z");

	static final Duration RETENTION = Duration.ofHours(1);

	static final DataSource database = TestDatabase.open();

	TestTransactions transactions = new TestTransactions(database);

	InvalidationJournal journal = InvalidationJournal.of(database, transactions);

	ManualClock clock = new ManualClock(T0);

	ExecutorService other = Executors.newSingleThreadExecutor();

	@BeforeEach
	void emptyJournal() {
		// Whatever other tests left: gone, so the counts below are this test's.
		pruner(1000).prune(Instant.parse("2100-01-01T00:00:00Z"));
	}

	@AfterEach
	void stopThread() {
		other.shutdownNow();
	}

	JournalPruner pruner(int batch) {
		return JournalPruner.builder(journal).retention(RETENTION).batchSize(batch).clock(clock).build();
	}

	static List<InvalidationIntent> intents(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> new InvalidationIntent("org:p:invoice:" + i, TagInvalidation.Kind.EXPIRE, null))
			.toList();
	}

	@Test
	void rowsOlderThanTheRetentionGoInBatchesAndTheHighestPrunedPositionIsKept() {
		JournalPruner pruner = pruner(3);
		long oldHighest = journal.append(intents(7), "a", T0);
		clock.advance(Duration.ofMinutes(30));
		long recent = journal.append(intents(2), "a", clock.instant());

		assertThat(pruner.prune()).as("nothing older than an hour yet").isZero();
		clock.advance(Duration.ofMinutes(31));
		assertThat(pruner.prune()).as("seven rows, in batches of three").isEqualTo(7);

		assertThat(journal.after(0)).extracting(InvalidationJournal.Row::seq)
			.hasSize(2)
			.allSatisfy(seq -> assertThat(seq).isGreaterThan(oldHighest))
			.endsWith(recent);
		assertThat(journal.prunedThrough()).isEqualTo(oldHighest);
		assertThat(journal.head()).isEqualTo(recent);
		assertThat(pruner.prune()).as("idempotent").isZero();
		assertThat(journal.prunedThrough()).isEqualTo(oldHighest);

		clock.advance(Duration.ofMinutes(35));
		assertThat(pruner.prune()).isEqualTo(2);
		assertThat(journal.after(0)).isEmpty();
		assertThat(journal.head()).as("never back below what was pruned: a new instance starts past it")
			.isEqualTo(recent);
		assertThat(pruner.prunedRows()).isEqualTo(9);
	}

	@Test
	void appendsAndReadsDoNotWaitForAPruneInProgress() throws Exception {
		long old = journal.append(intents(3), "a", T0);

		long[] appended = new long[1];
		int pruned = transactions.inTransaction(() -> {
			int deleted = prune(T0.plus(Duration.ofMinutes(1)), T0.plus(RETENTION));
			// The prune's transaction is open: its rows and the pruned position are
			// locked.
			appended[0] = await(() -> journal.append(intents(1), "b", T0.plus(RETENTION)));
			assertThat(await(journal::prunedThrough)).as("not committed yet").isLessThan(old);
			assertThat(await(() -> journal.after(0))).hasSize(4);
			return deleted;
		});

		assertThat(pruned).isEqualTo(3);
		assertThat(journal.after(0)).extracting(InvalidationJournal.Row::seq).containsExactly(appended[0]);
		assertThat(journal.prunedThrough()).isEqualTo(old);
	}

	@Test
	void aPruneDoesNotWaitForAnAppendInProgressNorDeleteItsRow() throws Exception {
		journal.append(intents(2), "a", T0);

		long late = transactions.inTransaction(() -> {
			// Allocated, not yet committed, and already older than the window (a row
			// becomes
			// visible after higher ones only within a commit delay; this one
			// exaggerates).
			long seq = journal.append(intents(1), "b", T0);
			int pruned = await(() -> pruner(1000).prune(T0.plus(RETENTION).plus(Duration.ofMinutes(1))));
			assertThat(pruned).isEqualTo(2);
			return seq;
		});

		assertThat(journal.after(0)).extracting(InvalidationJournal.Row::seq).containsExactly(late);
		assertThat(journal.prunedThrough()).as("below the row that committed late").isLessThan(late);
	}

	/** One batch of the pruner, in the current transaction (left open). */
	int prune(Instant cutoff, Instant now) {
		try {
			Connection connection = transactions.acquire();
			return journal.prune(connection, cutoff, 1000, null, now).deleted();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Runs on another connection; fails rather than hang if it waits for a lock. */
	<T> T await(Callable<T> work) {
		try {
			return CompletableFuture.supplyAsync(() -> {
				try {
					return work.call();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}, other).get(10, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new AssertionError("blocked or failed on another connection", e);
		}
	}

}
