package io.ledgerline.tagcache;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Decides which cache of a cluster runs a background refresh, so that after a
 * {@link TagCache#revalidateTag revalidateTag} each key's loader runs once for the whole
 * cluster instead of once per instance.
 *
 * <p>
 * A cache about to refresh a stale entry asks to {@link #claim} it. The claim names the
 * key and the <em>generation</em>: the epoch of the revalidation that made the entry
 * stale, which is the same number on every instance (epochs come from the bus's one
 * sequence). Exactly one claimant per key and generation is told to {@link Claim.Lead
 * lead}: it runs the loader, and {@link #complete hands the result} to the coordinator,
 * which delivers it to the other caches ({@link #subscribe}) and keeps it for a while for
 * claims that arrive late ({@link Claim.Take}). The others {@link Claim.Follow follow}:
 * they keep serving the stale value until the result arrives, and claim again once the
 * leader's lease has run out, so a leader that crashed delays the refresh by at most its
 * lease.
 *
 * <p>
 * Only a value that can travel between instances can be shared: {@link #shares} says,
 * before any claim, whether the coordinator can carry the key's values (a coordinator
 * across processes needs a codec for them). Everything else is refreshed by each cache on
 * its own, as is a stale entry that no revalidation made stale (it only grew old), and
 * every refresh while the coordinator cannot be reached ({@link Claim#ALONE}).
 *
 * <p>
 * A shared result never weakens the cache's rules: a receiver serves it only while none
 * of its tags was invalidated after the epochs the leader saw before its loader ran (see
 * {@link SharedRefresh}). The coordinator is an optimisation; a lost, late or duplicated
 * result costs at most one more load.
 *
 * <p>
 * Implementations must be thread-safe. {@link #claim}, {@link #complete} and
 * {@link #abandon} run on the cache's refresh executor, never on a reader's thread, and
 * may do I/O; none of them may throw for an unreachable coordinator (they answer
 * {@link Claim#ALONE} or do nothing). {@link #shares} runs on a reader's path: no I/O.
 */
public interface RefreshCoordinator extends AutoCloseable {

	/**
	 * The default: every cache refreshes on its own (one refresh per instance), with no
	 * claims and nothing shared.
	 */
	RefreshCoordinator INDEPENDENT = new RefreshCoordinator() {

		@Override
		public boolean shares(String key, Object value) {
			return false;
		}

		@Override
		public Claim claim(String key, long generation) {
			return Claim.ALONE;
		}

		@Override
		public void complete(Claim.Lead lead, SharedRefresh result) {
		}

		@Override
		public void abandon(Claim.Lead lead) {
		}

		@Override
		public void subscribe(Consumer<SharedRefresh> receiver) {
		}

		@Override
		public String toString() {
			return "RefreshCoordinator.INDEPENDENT";
		}

	};

	/**
	 * Whether a refresh of {@code key}, whose cached value is {@code value}, may be
	 * shared. Cheap and without I/O; {@code false} means the cache refreshes it on its
	 * own.
	 */
	boolean shares(String key, Object value);

	/**
	 * Asks to refresh {@code key} for {@code generation}: lead, follow, take a result
	 * already made, or refresh alone.
	 * @param generation the epoch of the revalidation that made the entry stale, positive
	 */
	Claim claim(String key, long generation);

	/**
	 * The leader's loader returned: keep {@code result} for late claims, deliver it to
	 * the other caches, and end the lease.
	 */
	void complete(Claim.Lead lead, SharedRefresh result);

	/**
	 * The leader's loader failed: end the lease so the next claimant leads at once.
	 */
	void abandon(Claim.Lead lead);

	/**
	 * Registers a receiver of the results other caches completed; it may be called on any
	 * thread and must not block.
	 */
	void subscribe(Consumer<SharedRefresh> receiver);

	@Override
	default void close() {
	}

	/** The answer to a {@link #claim}. */
	sealed interface Claim permits Claim.Lead, Claim.Follow, Claim.Take, Claim.Alone {

		/** The coordinator cannot help (unreachable, or the key is not shared). */
		Claim ALONE = new Alone();

		/**
		 * This cache holds the lease: run the loader, then {@link #complete} (or
		 * {@link #abandon}).
		 *
		 * @param token identifies this lease, so only its holder can end it
		 */
		record Lead(String key, long generation, String token) implements Claim {
			public Lead {
				Objects.requireNonNull(key, "key");
				Objects.requireNonNull(token, "token");
			}
		}

		/**
		 * Another cache holds the lease: keep serving the stale value; claim again after
		 * {@code retryAfter} (the lease's remaining time) if no result came.
		 */
		record Follow(Duration retryAfter) implements Claim {
			public Follow {
				Objects.requireNonNull(retryAfter, "retryAfter");
			}
		}

		/** Another cache already refreshed this generation: here is its result. */
		record Take(SharedRefresh result) implements Claim {
			public Take {
				Objects.requireNonNull(result, "result");
			}
		}

		/** See {@link Claim#ALONE}. */
		record Alone() implements Claim {
		}

	}

}
