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
 * @param load which load produced {@code value}: a number unique within one cache, the
 * same for every read of that loaded value and different for every other load (two loads
 * in one clock tick share a {@code fetchedAt}, never a {@code load}). Something derived
 * from cached reads (a rendered page) remembers their loads to tell whether it still
 * shows the current ones.
 * @param <V> the value type
 */
public record Cached<V>(V value, Instant fetchedAt, long load) {
	public Cached {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(fetchedAt, "fetchedAt");
	}
}
