package io.ledgerline.tagcache;

import java.util.List;

/**
 * Told about every invalidation at the moment it is asked for, on the caller's thread and
 * before the {@link CommitBinding} defers it: the place to write a durable record of it
 * in the same database transaction as the write that caused it. Messages on an
 * {@link InvalidationBus} can be lost; such a record cannot, so an instance that missed
 * messages can catch up from it.
 *
 * <p>
 * Throwing fails the invalidation call (and so, inside a transaction, the write): a write
 * whose invalidation could not be recorded must not commit.
 */
@FunctionalInterface
public interface InvalidationRecorder {

	/** Records the invalidations one call asked for (at least one). */
	void record(List<InvalidationIntent> intents);

	/** Records nothing: a single instance, or a bus that is its own record. */
	InvalidationRecorder NONE = intents -> {
	};

}
