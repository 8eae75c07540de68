package io.ledgerline.tagcache.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that moves only when told to. Thread-safe: tests advance it while other
 * threads read it. Zones share the same instant, so {@link #withZone} views move
 * together.
 */
public final class ManualClock extends Clock {

	/** An arbitrary, recognisable starting point. */
	public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	public ManualClock() {
		this(DEFAULT_START);
	}

	public ManualClock(Instant start) {
		this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
	}

	private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	/** Moves time forward (or not at all) and returns the new instant. */
	public Instant advance(Duration amount) {
		Objects.requireNonNull(amount, "amount");
		if (amount.isNegative()) {
			throw new IllegalArgumentException("a manual clock only moves forward, got " + amount);
		}
		return now.updateAndGet(instant -> instant.plus(amount));
	}

	/** {@code advance(Duration.ofSeconds(seconds))}. */
	public Instant advanceSeconds(long seconds) {
		return advance(Duration.ofSeconds(seconds));
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new ManualClock(now, Objects.requireNonNull(zone, "zone"));
	}

	@Override
	public String toString() {
		return "ManualClock[" + now.get() + "]";
	}

}
