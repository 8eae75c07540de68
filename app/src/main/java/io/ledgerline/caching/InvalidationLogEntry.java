package io.ledgerline.caching;

import java.time.Instant;

/** One row of the invalidation log, as the inspector shows it. */
public record InvalidationLogEntry(long id, String primitive, String target, boolean path, String source,
		String profile, String instance, Instant occurredAt) {
}
