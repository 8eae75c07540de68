package io.ledgerline.tagcache;

import java.time.Instant;
import java.util.Objects;

/**
 * A value served by {@link TagCache} together with the moment its loader ran.
 *
 * <p>
 * {@code fetchedAt} is what a page shows as "data as of": it does not change while the
 * same loaded value is served, fresh or stale, and moves only when a load or a refresh
 * produced a new value.
 *
 * @param value the loaded value, never {@code null}
 * @param fetchedAt when the loader that produced {@code value} started, by the cache's
 * clock
 * @param <V> the value type
 */
public record Cached<V>(V value, Instant fetchedAt) {
	public Cached {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(fetchedAt, "fetchedAt");
	}
}
