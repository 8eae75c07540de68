package io.ledgerline.tagcache.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.ledgerline.tagcache.InvalidationIntent;
import io.ledgerline.tagcache.TagInvalidation;
import io.ledgerline.tagcache.jdbc.testing.TestDatabase;

/**
 * The schema shipped in {@code META-INF/tagcache/jdbc} works on the run's database (H2,
 * and PostgreSQL in its execution), may be applied again over itself, and keeps what the
 * journal writes: a page tag's NUL, a stale window, the time to the microsecond.
 */
class ShippedSchemaTests {

	static final Instant T0 = Instant.parse("2031-03-01T12:00:00.123456Z");

	@Test
	void theShippedSchemaHoldsWhatTheJournalWritesAndAppliesAgainOverItself() {
		DataSource database = TestDatabase.open();
		InvalidationJournal journal = InvalidationJournal.of(database);
		long before = journal.head();
		// On PostgreSQL the other classes' prunes share the schema.
		long pruned = journal.prunedThrough();

		long seq = journal.append(List.of(
				new InvalidationIntent("\u0000page:/invoices", TagInvalidation.Kind.STALE, Duration.ofSeconds(30)),
				new InvalidationIntent("org:1:invoice:2", TagInvalidation.Kind.EXPIRE, null)), "a", T0);
		TestDatabase.applySchema(database);

		List<InvalidationJournal.Row> rows = journal.after(before);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).isEqualTo(new InvalidationJournal.Row(seq - 1, "\u0000page:/invoices",
				TagInvalidation.Kind.STALE, Duration.ofSeconds(30), "a", T0));
		assertThat(rows.get(1).staleWindow()).isNull();
		assertThat(journal.head()).isEqualTo(seq);
		assertThat(journal.prunedThrough()).as("not reset by applying the schema again").isEqualTo(pruned);
	}

}
