package io.ledgerline.tagcache.testing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A loader that returns {@code prefix + n} for its n-th call (1-based) and counts its
 * calls, so a test can tell a cached value from a reload by the value alone. Thread-safe.
 */
public final class CountingLoader implements Supplier<String> {

	private final String prefix;

	private final AtomicInteger calls = new AtomicInteger();

	public CountingLoader(String prefix) {
		this.prefix = prefix;
	}

	@Override
	public String get() {
		return prefix + calls.incrementAndGet();
	}

	public int calls() {
		return calls.get();
	}

}
