package io.ledgerline.tagcache;

import java.util.function.Consumer;

/**
 * Carries tag invalidations between the {@link TagCache} instances of a cluster.
 *
 * <p>
 * Every invalidation a cache performs becomes one {@link TagInvalidation} per tag,
 * carrying the tag's new <em>epoch</em>. A cache serves an entry only while each of its
 * tags is still at the epoch the entry saw before its loader ran, so whoever delivers a
 * message delivers the invalidation, however late, and re-delivering it changes nothing.
 *
 * <p>
 * Epochs come from {@link #nextEpoch(long)}. A bus that connects several instances must
 * hand out epochs from one sequence shared by all of them (so two instances invalidating
 * the same tag concurrently cannot pick the same number and hide one invalidation behind
 * the other). A Redis implementation would {@code INCR} one counter key, record each
 * tag's latest epoch in Redis (for example a sorted set scored by epoch), and publish the
 * message; an instance that reconnects after missing messages asks that set for every tag
 * whose epoch is above the highest it had received and delivers those to its subscribers,
 * so it cannot keep serving what was invalidated while it was away.
 *
 * <p>
 * Implementations must be thread-safe. A cache ignores messages whose
 * {@link TagInvalidation#origin()} is its own instance id (it applied them before
 * publishing), so a bus may echo them back.
 */
public interface InvalidationBus extends AutoCloseable {

	/**
	 * Sends {@code message} to every subscriber of every connected instance. Throwing
	 * makes the invalidation that published it fail (it is then not reported to
	 * listeners).
	 */
	void publish(TagInvalidation message);

	/** Registers a subscriber; it may be called on any thread, concurrently. */
	void subscribe(Consumer<TagInvalidation> subscriber);

	/**
	 * Registers a subscriber told when this bus finds that its instance may have missed
	 * invalidations it can no longer deliver: their record was trimmed (it keeps a
	 * bounded window) while the instance was away. The subscriber gets the reason, and
	 * must treat everything it holds as invalidated ({@link TagCache} subscribes its
	 * {@link TagCache#invalidateAll}). The default never calls it: a bus that never loses
	 * a message (a local one) has no gaps.
	 */
	default void subscribeToGaps(Consumer<String> subscriber) {
	}

	/**
	 * Allocates the epoch for the next invalidation. {@code proposed} is one above the
	 * highest epoch the calling cache has seen. The default returns it, which is correct
	 * for a bus that only ever connects a single cache (concurrent invalidations may then
	 * share an epoch, which is harmless); a bus that connects several must override this
	 * with one sequence shared by all of them, returning a value above every epoch it
	 * allocated before (see the class documentation).
	 * @param proposed the caller's candidate, positive
	 * @return a positive epoch, unique across everything connected to this bus
	 */
	default long nextEpoch(long proposed) {
		return proposed;
	}

	@Override
	default void close() {
	}

}
