package io.ledgerline.tagcache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-process {@link RefreshCoordinator} for several caches in one JVM (tests, or a
 * process hosting more than one cache), the counterpart of {@link LocalInvalidationBus}:
 * leases and kept results live in this object, results reach the other caches
 * synchronously, on the leader's thread, and values travel as they are. Leases and kept
 * results run out by the given clock. Thread-safe.
 */
public final class LocalRefreshCoordinator implements RefreshCoordinator {

	private final Clock clock;

	private final Duration lease;

	private final Duration keep;

	private final Map<String, Held> leases = new HashMap<>();

	private final Map<String, Kept> results = new HashMap<>();

	private final List<Consumer<SharedRefresh>> receivers = new CopyOnWriteArrayList<>();

	/**
	 * @param lease how long a leader holds a key before another cache may lead instead
	 * @param keep how long a result stays available to late claims
	 */
	public LocalRefreshCoordinator(Clock clock, Duration lease, Duration keep) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.lease = requirePositive(lease, "lease");
		this.keep = requirePositive(keep, "keep");
	}

	@Override
	public boolean shares(String key, Object value) {
		return true;
	}

	@Override
	public synchronized Claim claim(String key, long generation) {
		String id = id(key, generation);
		Instant now = clock.instant();
		Kept kept = results.get(id);
		if (kept != null && now.isBefore(kept.until)) {
			return new Claim.Take(kept.result);
		}
		Held held = leases.get(id);
		if (held != null && now.isBefore(held.until)) {
			return new Claim.Follow(Duration.between(now, held.until));
		}
		Claim.Lead lead = new Claim.Lead(key, generation, UUID.randomUUID().toString());
		leases.put(id, new Held(lead.token(), now.plus(lease)));
		return lead;
	}

	@Override
	public void complete(Claim.Lead lead, SharedRefresh result) {
		synchronized (this) {
			Instant now = clock.instant();
			results.values().removeIf(kept -> !now.isBefore(kept.until));
			leases.values().removeIf(held -> !now.isBefore(held.until));
			String id = id(lead.key(), lead.generation());
			results.put(id, new Kept(result, now.plus(keep)));
			release(id, lead);
		}
		for (Consumer<SharedRefresh> receiver : receivers) {
			receiver.accept(result);
		}
	}

	@Override
	public synchronized void abandon(Claim.Lead lead) {
		release(id(lead.key(), lead.generation()), lead);
	}

	@Override
	public void subscribe(Consumer<SharedRefresh> receiver) {
		receivers.add(Objects.requireNonNull(receiver, "receiver"));
	}

	/** Compare-and-delete: a lease that ran out and was taken by another stays theirs. */
	private void release(String id, Claim.Lead lead) {
		Held held = leases.get(id);
		if (held != null && held.token.equals(lead.token())) {
			leases.remove(id);
		}
	}

	private static String id(String key, long generation) {
		return generation + ":" + key;
	}

	private static Duration requirePositive(Duration d, String name) {
		Objects.requireNonNull(d, name);
		if (d.isZero() || d.isNegative()) {
			throw new IllegalArgumentException(name + " must be positive, was " + d);
		}
		return d;
	}

	private record Held(String token, Instant until) {
	}

	private record Kept(SharedRefresh result, Instant until) {
	}

}
