package io.ledgerline.tagcache;

import java.time.Duration;
import java.time.Instant;

/**
 * One tag's epochs. Entries keep a strong reference to the states of their tags (and the
 * epochs they saw), so the registry can hold states weakly: a tag that no live entry or
 * load refers to is forgotten.
 *
 * <p>
 * A state is created at the highest epoch its cache has seen so far, for any tag. Epochs
 * come from one increasing sequence, so every invalidation numbered at or below that was
 * allocated, and its write committed, before this state existed and thus before any load
 * that uses it started: when such a message arrives late (a replay, a slow subscriber),
 * it rightly changes nothing.
 */
final class TagState {

	/** Entries that saw an older expire epoch are dead. */
	private volatile long expireEpoch;

	/** Entries that saw an older stale epoch are stale, within the mark's window. */
	private volatile StaleMark stale;

	TagState(long baseEpoch) {
		this.expireEpoch = baseEpoch;
		this.stale = new StaleMark(baseEpoch, 0, Nanos.NEVER);
	}

	long expireEpoch() {
		return expireEpoch;
	}

	StaleMark stale() {
		return stale;
	}

	synchronized void raiseExpire(long epoch) {
		if (epoch > expireEpoch) {
			expireEpoch = epoch;
		}
	}

	/**
	 * @param window {@code null} for unbounded
	 */
	synchronized void raiseStale(long epoch, Instant at, Duration window) {
		if (epoch > stale.epoch()) {
			stale = new StaleMark(epoch, Nanos.of(at), Nanos.of(window));
		}
	}

	/**
	 * The latest {@code revalidateTag} of a tag. Only the latest is kept: a second
	 * revalidation restarts the window for every entry older than it, which is what its
	 * caller asked for ("serve stale for at most this long from now").
	 *
	 * @param atNanos when the revalidation happened, in nanoseconds since the epoch
	 * @param windowNanos how long after it older entries may be served,
	 * {@link Nanos#NEVER} for unbounded
	 */
	record StaleMark(long epoch, long atNanos, long windowNanos) {

		/**
		 * Whether an entry marked stale by this may still be served at {@code nowNanos}.
		 */
		boolean servableAt(long nowNanos) {
			return windowNanos == Nanos.NEVER || Nanos.minus(nowNanos, atNanos) < windowNanos;
		}
	}

}
