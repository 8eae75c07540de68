package io.ledgerline.tagcache;

import java.time.Instant;
import java.util.Objects;

/**
 * One invalidation that this instance performed, as reported to
 * {@link InvalidationListener}s.
 *
 * @param primitive which primitive ran
 * @param target the tag, or the path for {@link Primitive#REVALIDATE_PATH}
 * @param source who called it, captured at call time (not when a deferred invalidation
 * ran)
 * @param at when the invalidation was applied, by the cache's clock
 * @param instance the {@code instanceId} of the cache that performed it
 * @param profile the cache-life profile name for {@link Primitive#REVALIDATE_TAG}, else
 * {@code null}
 */
public record InvalidationEvent(Primitive primitive, String target, InvocationSource source, Instant at,
		String instance, String profile) {

	public InvalidationEvent {
		Objects.requireNonNull(primitive, "primitive");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(instance, "instance");
	}

	/** Whether {@link #target()} is a path rather than a tag. */
	public boolean isPath() {
		return primitive == Primitive.REVALIDATE_PATH;
	}
}
