package io.ledgerline.tagcache;

/**
 * Told about every invalidation this instance performed, after it took effect (after the
 * commit, when a {@link CommitBinding} defers it). Invalidations received from other
 * instances over the {@link InvalidationBus} are not reported here: their own instance
 * reports them.
 *
 * <p>
 * Called on the thread that ran the invalidation; keep it short. An exception thrown by a
 * listener is logged and does not affect the invalidation or the other listeners.
 */
@FunctionalInterface
public interface InvalidationListener {

	void onInvalidation(InvalidationEvent event);

}
