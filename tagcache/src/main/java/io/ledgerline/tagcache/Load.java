package io.ledgerline.tagcache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A synchronous load in flight for one key. The first reader to miss runs the loader;
 * readers that miss the same key meanwhile wait for its outcome instead of running their
 * own.
 */
final class Load {

	final TagSnapshot tags;

	final long sequence;

	final Thread leader;

	private final CompletableFuture<Entry> outcome = new CompletableFuture<>();

	Load(TagSnapshot tags, long sequence) {
		this.tags = tags;
		this.sequence = sequence;
		this.leader = Thread.currentThread();
	}

	void succeed(Entry entry) {
		outcome.complete(entry);
	}

	void fail(Throwable failure) {
		outcome.completeExceptionally(failure);
	}

	/** How many readers are blocked waiting for this load (for tests). */
	int waiters() {
		return outcome.getNumberOfDependents();
	}

	/** The leader's entry, or the leader's exception rethrown as is. */
	Entry await() {
		try {
			return outcome.join();
		}
		catch (CompletionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw e;
		}
	}

}
