package io.ledgerline.tagcache;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An in-process {@link InvalidationBus}: delivers each message synchronously, on the
 * publishing thread, to every subscriber. Several caches in one JVM (tests, or a process
 * hosting more than one cache) can share one instance; give them distinct
 * {@code instanceId}s.
 */
public final class LocalInvalidationBus implements InvalidationBus {

	private final List<Consumer<TagInvalidation>> subscribers = new CopyOnWriteArrayList<>();

	private final AtomicLong epochs = new AtomicLong();

	/**
	 * Delivers to every subscriber, even when one throws; then rethrows the first failure
	 * (with the others suppressed), so the publishing invalidation reports that it did
	 * not fully succeed.
	 */
	@Override
	public void publish(TagInvalidation message) {
		Objects.requireNonNull(message, "message");
		RuntimeException failure = null;
		for (Consumer<TagInvalidation> subscriber : subscribers) {
			try {
				subscriber.accept(message);
			}
			catch (RuntimeException e) {
				if (failure == null) {
					failure = e;
				}
				else {
					failure.addSuppressed(e);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	public void subscribe(Consumer<TagInvalidation> subscriber) {
		subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
	}

	/** One sequence for every cache on this bus; never below what a cache proposes. */
	@Override
	public long nextEpoch(long proposed) {
		return epochs.updateAndGet(current -> Math.max(current + 1, proposed));
	}

}
