package io.ledgerline.tagcache;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a cache that led a refresh hands to the others through its
 * {@link RefreshCoordinator}: the value, when its loader started, and per tag the epoch
 * through which the value reflects every invalidation: the higher of the tag's epoch and
 * the highest epoch the leader had seen, just before its loader started (the leader's
 * {@code TagSnapshot}). Not the tag's epoch alone: each cache starts a tag's state at its
 * own highest epoch, so that would differ between caches with no invalidation between
 * them, and refuse the result.
 *
 * <p>
 * A receiver serves the value only as far as those epochs allow: for each tag it takes
 * the lower of the leader's epoch and its own, so an invalidation the receiver knows of
 * and the leader had not seen leaves the shared entry stale or dead, exactly as if the
 * receiver had loaded it before that invalidation. Epochs are allocated after a write's
 * commit from one sequence, so an epoch the leader had seen covers every write numbered
 * below it.
 *
 * @param key the cache's key of the entry (for a page, its internal store key)
 * @param generation the generation the refresh was claimed for
 * @param value the loaded value, never {@code null}
 * @param fetchedAt when the leader's loader started, by the leader's clock
 * @param tags the entry's tags in the cache's order, each with the epochs its value
 * reflects
 * @param origin the leader's instance id
 */
public record SharedRefresh(String key, long generation, Object value, Instant fetchedAt, List<SeenTag> tags,
		String origin) {

	public SharedRefresh {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(fetchedAt, "fetchedAt");
		Objects.requireNonNull(origin, "origin");
		tags = List.copyOf(tags);
		if (generation <= 0) {
			throw new IllegalArgumentException("generation must be positive, was " + generation);
		}
	}

	/**
	 * One tag with the epochs the leader had seen for it before its loader ran.
	 *
	 * @param expireEpoch its {@code updateTag}/{@code revalidatePath} epoch
	 * @param staleEpoch its {@code revalidateTag} epoch
	 */
	public record SeenTag(String tag, long expireEpoch, long staleEpoch) {
		public SeenTag {
			Objects.requireNonNull(tag, "tag");
		}
	}

}
