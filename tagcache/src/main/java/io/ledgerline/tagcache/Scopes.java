package io.ledgerline.tagcache;

import java.util.Objects;

/**
 * The thread-bound invocation source behind {@link TagCache#openScope(InvocationSource)}.
 */
final class Scopes {

	// The library's only static mutable state: the kind of request this thread serves.
	private static final ThreadLocal<InvocationSource> CURRENT = new ThreadLocal<>();

	private Scopes() {
	}

	static InvocationSource current() {
		InvocationSource source = CURRENT.get();
		return source == null ? InvocationSource.ROUTE : source;
	}

	static InvocationScope open(InvocationSource source) {
		Objects.requireNonNull(source, "source must not be null");
		InvocationSource previous = CURRENT.get();
		CURRENT.set(source);
		return new Opened(previous, Thread.currentThread());
	}

	private static final class Opened implements InvocationScope {

		private final InvocationSource previous;

		private final Thread owner;

		private boolean closed;

		Opened(InvocationSource previous, Thread owner) {
			this.previous = previous;
			this.owner = owner;
		}

		@Override
		public void close() {
			if (Thread.currentThread() != owner) {
				throw new IllegalStateException("an invocation scope must be closed on the thread that opened it ("
						+ owner.getName() + "), not on " + Thread.currentThread().getName());
			}
			if (closed) {
				return;
			}
			closed = true;
			if (previous == null) {
				// Pooled threads outlive requests: leave nothing behind.
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		}

	}

}
