package io.ledgerline.tagcache.redis.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for what a real Redis does on its own threads (a connection, a delivery): polls,
 * never sleeps a fixed time, and fails after 30 seconds.
 */
public final class Await {

	private Await() {
	}

	public static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting until " + what);
			}
			Thread.onSpinWait();
		}
	}

}
