package io.ledgerline.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the journal to its retention window: deletes the rows older than it, a batch per
 * short transaction (so no transaction holds many row locks or a long snapshot, and
 * appends, which only insert new positions, never wait). Run on a schedule by the job
 * runner, so one instance at a time prunes; a second run at once would only find fewer
 * rows, since each batch deletes what is older than the cutoff and raises the pruned
 * position to at least what it deleted.
 */
class JournalPruner {

	private static final Logger LOG = LoggerFactory.getLogger(JournalPruner.class);

	private final InvalidationJournal journal;

	private final TransactionTemplate transactions;

	private final Duration retention;

	private final int batchSize;

	private final Clock clock;

	private final AtomicLong pruned = new AtomicLong();

	JournalPruner(InvalidationJournal journal, TransactionTemplate transactions, Duration retention, int batchSize,
			Clock clock) {
		this.journal = journal;
		this.transactions = transactions;
		this.retention = retention;
		this.batchSize = batchSize;
		this.clock = clock;
	}

	/** Deletes every row older than the retention; returns how many. */
	int prune() {
		return prune(clock.instant());
	}

	/** {@link #prune()} as of {@code now}. */
	int prune(Instant now) {
		Instant cutoff = now.minus(retention);
		int total = 0;
		InvalidationJournal.PrunedBatch batch = null;
		do {
			InvalidationJournal.PrunedBatch after = batch;
			batch = transactions.execute(status -> journal.prune(cutoff, batchSize, after, now));
			total += batch == null ? 0 : batch.deleted();
		}
		while (batch != null && batch.selected() == batchSize);
		if (total > 0) {
			pruned.addAndGet(total);
			LOG.info("Pruned {} invalidation journal row(s) older than {} (retention {}); pruned through position {}",
					total, cutoff, retention, journal.prunedThrough());
		}
		return total;
	}

	/** Rows this instance has pruned since it started. */
	long prunedRows() {
		return pruned.get();
	}

}
