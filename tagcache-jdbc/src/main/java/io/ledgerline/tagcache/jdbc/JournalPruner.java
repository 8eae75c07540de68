package io.ledgerline.tagcache.jdbc;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the journal to its retention window: deletes the rows older than it, a batch per
 * short transaction of its own (so no transaction holds many row locks or a long
 * snapshot, and appends, which only insert new positions, never wait). Schedule
 * {@link #prune()} where one instance at a time runs it; a second run at once would only
 * find fewer rows, since each batch deletes what is older than the cutoff and raises the
 * pruned position to at least what it deleted.
 */
public final class JournalPruner {

	private static final System.Logger LOG = System.getLogger(JournalPruner.class.getName());

	private final InvalidationJournal journal;

	private final Duration retention;

	private final int batchSize;

	private final Clock clock;

	private final AtomicLong pruned = new AtomicLong();

	private JournalPruner(Builder builder) {
		this.journal = builder.journal;
		this.retention = builder.retention;
		this.batchSize = builder.batchSize;
		this.clock = builder.clock;
	}

	public static Builder builder(InvalidationJournal journal) {
		return new Builder(journal);
	}

	/** Deletes every row older than the retention; returns how many. */
	public int prune() {
		return prune(clock.instant());
	}

	/** {@link #prune()} as of {@code now}. */
	public int prune(Instant now) {
		Objects.requireNonNull(now, "now");
		Instant cutoff = now.minus(retention);
		int total = 0;
		InvalidationJournal.PrunedBatch batch = null;
		do {
			InvalidationJournal.PrunedBatch after = batch;
			batch = journal.inOwnTransaction("Pruning the invalidation journal",
					connection -> journal.prune(connection, cutoff, batchSize, after, now));
			total += batch == null ? 0 : batch.deleted();
		}
		while (batch != null && batch.selected() == batchSize);
		if (total > 0) {
			pruned.addAndGet(total);
			LOG.log(Level.INFO,
					"Pruned {0} invalidation journal row(s) older than {1} (retention {2}); pruned through position {3}",
					total, cutoff, retention, journal.prunedThrough());
		}
		return total;
	}

	/** Rows this pruner has deleted since it was made. */
	public long prunedRows() {
		return pruned.get();
	}

	/** Builds a {@link JournalPruner}: a one-hour window, 1,000 rows per transaction. */
	public static final class Builder {

		private final InvalidationJournal journal;

		private Duration retention = Duration.ofHours(1);

		private int batchSize = 1_000;

		private Clock clock = Clock.systemUTC();

		private Builder(InvalidationJournal journal) {
			this.journal = Objects.requireNonNull(journal, "journal");
		}

		/**
		 * How long a row is kept. At least a minute: rows are allocated before their
		 * commit, and a live instance may still need one that long.
		 */
		public Builder retention(Duration retention) {
			Objects.requireNonNull(retention, "retention");
			if (retention.compareTo(Duration.ofMinutes(1)) < 0) {
				throw new IllegalArgumentException("retention must be at least 1m, was " + retention);
			}
			this.retention = retention;
			return this;
		}

		/** Rows deleted per transaction. */
		public Builder batchSize(int batchSize) {
			if (batchSize < 1) {
				throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
			}
			this.batchSize = batchSize;
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		public JournalPruner build() {
			return new JournalPruner(this);
		}

	}

}
