package io.ledgerline.tagcache;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One cached value with what is needed to judge it: its age, its profile and its tags'
 * epochs.
 */
final class Entry {

	enum Status {

		FRESH, STALE, DEAD

	}

	final Instant fetchedAt;

	final long fetchedNanos;

	final CacheLife life;

	final long revalidateNanos;

	/** {@link Nanos#NEVER} when the profile never expires. */
	final long expireNanos;

	final TagSnapshot tags;

	/**
	 * Load order: when two loads of one key race, the one that started later wins the
	 * slot.
	 */
	final long sequence;

	/**
	 * Set while a background refresh of this entry is scheduled or running: one at a
	 * time.
	 */
	final AtomicBoolean refreshing = new AtomicBoolean();

	/**
	 * Set while another instance leads the refresh of this entry's generation: until then
	 * a stale read starts no claim of its own ({@code null}: none).
	 */
	volatile Following following;

	/** Estimated bytes held by the entry, for the cache's weight bound. */
	final int weight;

	/**
	 * What every read of this entry returns; built once, since reads vastly outnumber
	 * loads.
	 */
	private final Cached<Object> cached;

	Entry(Object value, Instant fetchedAt, CacheLife life, TagSnapshot tags, long sequence, int weight) {
		this.cached = new Cached<>(value, fetchedAt, sequence);
		this.weight = weight;
		this.fetchedAt = fetchedAt;
		this.fetchedNanos = Nanos.of(fetchedAt);
		this.life = life;
		this.revalidateNanos = Nanos.of(life.revalidate());
		this.expireNanos = Nanos.of(life.expire());
		this.tags = tags;
		this.sequence = sequence;
	}

	Status statusAt(long nowNanos) {
		long age = Nanos.minus(nowNanos, fetchedNanos);
		if (age >= expireNanos) {
			return Status.DEAD;
		}
		TagSnapshot.Verdict verdict = tags.verdictAt(nowNanos);
		if (verdict == TagSnapshot.Verdict.DEAD) {
			return Status.DEAD;
		}
		if (verdict == TagSnapshot.Verdict.STALE || age >= revalidateNanos) {
			return Status.STALE;
		}
		return Status.FRESH;
	}

	/** How long Caffeine should keep this entry from {@code nowNanos} on. */
	long remainingNanos(long nowNanos) {
		if (expireNanos == Nanos.NEVER) {
			return Nanos.NEVER;
		}
		return Math.max(0, Nanos.minus(expireNanos, Nanos.minus(nowNanos, fetchedNanos)));
	}

	/**
	 * Whether another instance is known to be refreshing this entry at {@code nowNanos}
	 * (for the generation it is stale by now).
	 */
	boolean followingAt(long nowNanos) {
		Following f = following;
		return f != null && nowNanos < f.untilNanos && f.generation == tags.staleGeneration();
	}

	/**
	 * Another instance leads the refresh of {@code generation} until {@code untilNanos}.
	 */
	record Following(long generation, long untilNanos) {
	}

	Object value() {
		return cached.value();
	}

	@SuppressWarnings("unchecked")
	<V> Cached<V> cached() {
		return (Cached<V>) cached;
	}

}
