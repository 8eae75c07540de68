package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.ledgerline.tagcache.InvalidationBus;
import io.ledgerline.tagcache.TagInvalidation;

/**
 * What the Actuator endpoint and the meters say about the invalidation bus: whether it is
 * connected, how many invalidations of other instances arrived, and how late the latest
 * one was (from its origin's clock to this instance's, so it includes clock skew).
 */
final class BusMonitor {

	private final String type;

	private final BooleanSupplier connected;

	private final AtomicLong received = new AtomicLong();

	private volatile Instant lastReceivedAt;

	private volatile Duration lastLag;

	private Clock clock = Clock.systemUTC();

	private String ownInstance;

	/**
	 * @param type what kind of bus this is ({@code local}, {@code redis})
	 * @param connected whether it currently carries invalidations
	 */
	BusMonitor(String type, BooleanSupplier connected) {
		this.type = Objects.requireNonNull(type, "type");
		this.connected = Objects.requireNonNull(connected, "connected");
	}

	/**
	 * Starts counting the messages {@code bus} delivers from instances other than
	 * {@code instanceId}, timed by {@code clock}.
	 */
	void watch(InvalidationBus bus, String instanceId, Clock clock) {
		this.ownInstance = instanceId;
		this.clock = clock;
		bus.subscribe(this::received);
	}

	private void received(TagInvalidation message) {
		if (message.origin().equals(ownInstance)) {
			return;
		}
		Instant now = clock.instant();
		lastReceivedAt = now;
		lastLag = Duration.between(message.at(), now);
		// Counted last: whoever sees the count also sees this message's time and lag.
		received.incrementAndGet();
	}

	String type() {
		return type;
	}

	boolean isConnected() {
		return connected.getAsBoolean();
	}

	/** Invalidations of other instances delivered here. */
	long received() {
		return received.get();
	}

	/** When the latest of them arrived, or {@code null}. */
	Instant lastReceivedAt() {
		return lastReceivedAt;
	}

	/**
	 * How long after its origin applied it the latest of them arrived, or {@code null}.
	 */
	Duration lastLag() {
		return lastLag;
	}

}
