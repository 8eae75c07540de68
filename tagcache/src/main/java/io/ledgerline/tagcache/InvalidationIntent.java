package io.ledgerline.tagcache;

import java.time.Duration;
import java.util.Objects;

/**
 * An invalidation a caller asked for, as handed to the {@link InvalidationRecorder} at
 * call time (inside the caller's transaction, before it commits).
 *
 * @param tag the tag (page tags of {@link TagCache#revalidatePath} use an internal,
 * reserved form, as on the bus)
 * @param kind what it will do to older entries
 * @param staleWindow for {@code STALE}: the window, {@code null} for unbounded; always
 * {@code null} for {@code EXPIRE}
 */
public record InvalidationIntent(String tag, TagInvalidation.Kind kind, Duration staleWindow) {

	public InvalidationIntent {
		Objects.requireNonNull(tag, "tag");
		Objects.requireNonNull(kind, "kind");
	}

}
