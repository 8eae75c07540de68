package io.ledgerline.tagcache;

/**
 * A thread-bound {@link InvocationSource}, opened by
 * {@link TagCache#openScope(InvocationSource)}. Closing it restores the source that was
 * current when it was opened, so scopes nest.
 */
public interface InvocationScope extends AutoCloseable {

	/**
	 * Restores the previous source. Idempotent; must be called on the thread that opened
	 * the scope.
	 */
	@Override
	void close();

}
