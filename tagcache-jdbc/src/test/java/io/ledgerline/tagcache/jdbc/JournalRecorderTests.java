package io.ledgerline.tagcache.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.ledgerline.tagcache.InvalidationIntent;
import io.ledgerline.tagcache.TagInvalidation;
import io.ledgerline.tagcache.jdbc.testing.TestDatabase;
import io.ledgerline.tagcache.jdbc.testing.TestTransactions;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * The recorder writes in the writer's transaction: its rows commit or roll back with it,
 * and the position listeners hear the highest position before the commit.
 */
class JournalRecorderTests {

	static final DataSource database = TestDatabase.open();

	TestTransactions transactions = new TestTransactions(database);

	InvalidationJournal journal = InvalidationJournal.of(database, transactions);

	List<Long> heard = new CopyOnWriteArrayList<>();

	JournalRecorder recorder = JournalRecorder.builder(journal)
		.instanceId("a")
		.clock(new ManualClock(Instant.parse("2031-03-01T12:00:00Z")))
		.listener(heard::add)
		.build();

	@Test
	void rowsCommitWithTheWriteAndTheListenerHearsTheHighestPosition() {
		long before = journal.head();
		transactions.inTransaction(() -> {
			recorder.record(intents("org:1:a", "org:1:b"));
			return null;
		});

		List<InvalidationJournal.Row> rows = journal.after(before);
		assertThat(rows).extracting(InvalidationJournal.Row::tag).containsExactly("org:1:a", "org:1:b");
		assertThat(rows).extracting(InvalidationJournal.Row::origin).containsOnly("a");
		assertThat(heard).containsExactly(rows.get(1).seq());
	}

	@Test
	void rowsRollBackWithTheWrite() {
		long before = journal.head();
		transactions.rolledBack(() -> {
			recorder.record(intents("org:1:gone"));
			return null;
		});

		assertThat(journal.after(before)).isEmpty();
		assertThat(heard).as("told before the commit, so told even so").hasSize(1);
	}

	@Test
	void theInstanceIdIsRequired() {
		assertThatThrownBy(() -> JournalRecorder.builder(journal).build()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("instanceId");
	}

	static List<InvalidationIntent> intents(String... tags) {
		return List.of(tags)
			.stream()
			.map(tag -> new InvalidationIntent(tag, TagInvalidation.Kind.EXPIRE, null))
			.toList();
	}

}
