package io.ledgerline.tagcache;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The message an {@link InvalidationBus} carries between instances: one tag's new epoch.
 *
 * <p>
 * Applying a message is idempotent and order-insensitive: a receiver raises its epoch for
 * the tag to {@code epoch} if that is higher and ignores it otherwise, so duplicates,
 * reordering and a replay after a reconnect are all harmless.
 *
 * @param tag the tag (page tags of {@link TagCache#revalidatePath} use an internal,
 * reserved form)
 * @param kind {@link Kind#EXPIRE} for updateTag/revalidatePath, {@link Kind#STALE} for
 * revalidateTag
 * @param epoch the tag's epoch after this invalidation, from
 * {@link InvalidationBus#nextEpoch(long)}; positive
 * @param at when the invalidation was applied on its origin; a {@code STALE} window
 * starts here
 * @param staleWindow for {@code STALE}: how long older entries may still be served stale
 * after {@code at}, {@code null} for unbounded (a profile that never expires); always
 * {@code null} for {@code EXPIRE}
 * @param origin the {@code instanceId} of the cache that performed it
 */
public record TagInvalidation(String tag, Kind kind, long epoch, Instant at, Duration staleWindow, String origin) {

	/** What the invalidation does to entries loaded before it. */
	public enum Kind {

		/** Never serve them again: the next read loads synchronously. */
		EXPIRE,
		/** Serve them stale (within the window) and refresh in the background. */
		STALE

	}

	public TagInvalidation {
		Objects.requireNonNull(tag, "tag");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(origin, "origin");
		if (epoch <= 0) {
			throw new IllegalArgumentException("epoch must be positive, was " + epoch);
		}
		if (kind == Kind.EXPIRE && staleWindow != null) {
			throw new IllegalArgumentException("an EXPIRE invalidation has no stale window");
		}
		if (staleWindow != null && staleWindow.isNegative()) {
			throw new IllegalArgumentException("staleWindow must not be negative, was " + staleWindow);
		}
	}
}
