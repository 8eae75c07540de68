package io.ledgerline.tagcache;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as plain nanoseconds, so the read path compares longs instead of allocating
 * {@code Duration}s. Saturates instead of overflowing (beyond the year 2262, or for
 * durations of centuries, which then mean "never").
 */
final class Nanos {

	static final long NEVER = Long.MAX_VALUE;

	private Nanos() {
	}

	/** Nanoseconds since the epoch. */
	static long of(Instant instant) {
		long seconds = instant.getEpochSecond();
		if (seconds > Long.MAX_VALUE / 1_000_000_000L - 1) {
			return Long.MAX_VALUE;
		}
		if (seconds < Long.MIN_VALUE / 1_000_000_000L + 1) {
			return Long.MIN_VALUE;
		}
		return seconds * 1_000_000_000L + instant.getNano();
	}

	/**
	 * The duration in nanoseconds; {@link #NEVER} for {@code null} or anything too long
	 * to count.
	 */
	static long of(Duration duration) {
		if (duration == null) {
			return NEVER;
		}
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException tooLong) {
			return duration.isNegative() ? Long.MIN_VALUE : NEVER;
		}
	}

	/** {@code a - b}, saturated. */
	static long minus(long a, long b) {
		long result = a - b;
		// Overflow iff a and b differ in sign and the result's sign differs from a's.
		if (((a ^ b) & (a ^ result)) < 0) {
			return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
		return result;
	}

}
