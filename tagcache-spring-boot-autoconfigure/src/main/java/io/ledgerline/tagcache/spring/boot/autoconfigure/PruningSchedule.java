package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.ledgerline.tagcache.jdbc.JournalPruner;

/**
 * Prunes the journal every interval on a daemon thread of its own. Every instance runs
 * it; that is safe (a second prune at once only finds fewer rows) but does the work
 * twice, which an application with a job runner avoids by scheduling it there instead.
 */
final class PruningSchedule implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(PruningSchedule.class.getName());

	private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread pruning = new Thread(task, "tagcache-journal-pruning");
		pruning.setDaemon(true);
		return pruning;
	});

	PruningSchedule(JournalPruner pruner, Duration interval) {
		thread.scheduleWithFixedDelay(() -> prune(pruner), interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private static void prune(JournalPruner pruner) {
		try {
			pruner.prune();
		}
		catch (RuntimeException e) {
			// The next run tries again; the rows only wait a little longer.
			LOG.log(Level.WARNING, "Pruning the invalidation journal failed: {0}", e.getMessage());
		}
	}

	@Override
	public void close() {
		thread.shutdownNow();
	}

}
