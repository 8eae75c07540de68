package io.ledgerline.tagcache.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journal positions below the highest one read that have not appeared yet. Identity
 * values are allocated before the commit, so such a position belongs to a transaction
 * still running, which may commit after higher ones, or to one that rolled back (a value
 * is never given back). Each is looked for again on every read of the journal until its
 * row appears ({@link #fill}) or it is given up ({@link #giveUp}):
 * <ul>
 * <li>older than the timeout, counted from when the row above it was written (its
 * transaction had started by then): no transaction that records invalidations lives that
 * long, so it rolled back and its row never comes;</li>
 * <li>at or below the pruned position: its row may have committed and been deleted
 * unseen, which the caller treats as having fallen behind;</li>
 * <li>more than {@link #MAX_PENDING} at once (a jump of the sequence): not opened at all,
 * and the caller treats that the same way.</li>
 * </ul>
 * Changed under the follower's lock; {@link #isPending} and the counts may be read from
 * any thread. Public for its counts ({@link JournalFollower#gaps()}); only the follower
 * changes it.
 */
public final class JournalGaps {

	static final int MAX_PENDING = 10_000;

	/**
	 * Position → when its transaction had started at the latest: when the row above it
	 * was written.
	 */
	private final NavigableMap<Long, Instant> pending = new ConcurrentSkipListMap<>();

	private final Duration timeout;

	private final AtomicLong filled = new AtomicLong();

	private final AtomicLong timedOut = new AtomicLong();

	private final AtomicLong lost = new AtomicLong();

	JournalGaps(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Opens a gap at every position strictly between {@code below} and {@code above},
	 * allocated by {@code allocatedBy} (the time the row at {@code above} was written, or
	 * now if that is later: the gaps' transactions had started by then).
	 * @return false, opening none, if that would leave more than {@link #MAX_PENDING}
	 * pending: those positions are lost (counted)
	 */
	boolean open(long below, long above, Instant allocatedBy) {
		long missing = above - below - 1;
		if (missing <= 0) {
			return true;
		}
		if (missing > MAX_PENDING - pending.size()) {
			lost.addAndGet(missing);
			return false;
		}
		for (long seq = below + 1; seq < above; seq++) {
			pending.put(seq, allocatedBy);
		}
		return true;
	}

	/** Closes the gap at {@code seq}; false if there was none (nothing to deliver). */
	boolean fill(long seq) {
		if (pending.remove(seq) == null) {
			return false;
		}
		filled.incrementAndGet();
		return true;
	}

	public boolean isPending(long seq) {
		return pending.containsKey(seq);
	}

	/** The positions to look for on the next read, lowest first. */
	List<Long> positions() {
		return List.copyOf(pending.keySet());
	}

	/**
	 * Gives up the gaps opened before {@code now} minus the timeout (quietly: they rolled
	 * back) and those at or below {@code prunedThrough}.
	 * @return how many were at or below {@code prunedThrough}: their rows may be gone
	 * unseen
	 */
	int giveUp(Instant now, long prunedThrough) {
		// Timed out first: a rollback's position is passed by the pruning only after the
		// timeout (at most half the retention), and is no reason to condemn anything.
		Instant cutoff = now.minus(timeout);
		int expired = 0;
		for (Map.Entry<Long, Instant> gap : pending.entrySet()) {
			if (gap.getValue().isBefore(cutoff) && pending.remove(gap.getKey()) != null) {
				expired++;
			}
		}
		timedOut.addAndGet(expired);
		Map<Long, Instant> pruned = pending.headMap(prunedThrough, true);
		int gone = pruned.size();
		pruned.clear();
		lost.addAndGet(gone);
		return gone;
	}

	/** Forgets every gap: the caller condemned everything instead (counted as lost). */
	void clear() {
		int gone = pending.size();
		pending.clear();
		lost.addAndGet(gone);
	}

	/** Gaps pending now. */
	public int size() {
		return pending.size();
	}

	/** Gaps whose row appeared later, out of order. */
	public long filled() {
		return filled.get();
	}

	/** Gaps given up as rolled back. */
	public long timedOut() {
		return timedOut.get();
	}

	/** Gaps given up because their row may be gone unseen (the cache was condemned). */
	public long lost() {
		return lost.get();
	}

}
