package io.ledgerline.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.ledgerline.tagcache.Weighable;

/**
 * A session as this instance holds it in memory (a value in the tag cache): what the
 * database held when it was loaded, attributes already deserialized. Requests never
 * change it; each gets its own {@link CachedSession} over it.
 *
 * <p>
 * The one thing that moves is the last access: this instance writes it at most once per
 * touch interval without announcing it (no other instance needs to drop its copy for it),
 * so its own copy must remember what it wrote. It only ever moves forward.
 */
final class SessionRecord implements Weighable {

	private final String primaryId;

	private final String id;

	private final Instant createdAt;

	private final Duration maxInactive;

	private final Map<String, Object> attributes;

	private final int estimatedBytes;

	private final AtomicLong lastAccessedMillis;

	SessionRecord(String primaryId, String id, Instant createdAt, Instant lastAccessedAt, Duration maxInactive,
			Map<String, Object> attributes, int estimatedBytes) {
		this.primaryId = primaryId;
		this.id = id;
		this.createdAt = createdAt;
		this.maxInactive = maxInactive;
		this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
		this.estimatedBytes = estimatedBytes;
		this.lastAccessedMillis = new AtomicLong(lastAccessedAt.toEpochMilli());
	}

	static SessionRecord of(SessionRows.Row row, Function<byte[], Object> deserializer) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		// Serialized bytes, a few times over once deserialized, plus the map and the ids.
		int bytes = 256;
		for (Map.Entry<String, byte[]> attribute : row.attributes().entrySet()) {
			attributes.put(attribute.getKey(), deserializer.apply(attribute.getValue()));
			bytes += 2 * attribute.getKey().length() + 3 * attribute.getValue().length + 64;
		}
		return new SessionRecord(row.primaryId(), row.id(), row.createdAt(), row.lastAccessedAt(), row.maxInactive(),
				attributes, bytes);
	}

	String primaryId() {
		return primaryId;
	}

	String id() {
		return id;
	}

	Instant createdAt() {
		return createdAt;
	}

	Duration maxInactive() {
		return maxInactive;
	}

	Map<String, Object> attributes() {
		return attributes;
	}

	/** The latest last access known here: loaded, or written by this instance since. */
	Instant lastAccessedAt() {
		return Instant.ofEpochMilli(lastAccessedMillis.get());
	}

	void accessedAt(Instant written) {
		lastAccessedMillis.accumulateAndGet(written.toEpochMilli(), Math::max);
	}

	/**
	 * Whether this copy says the session has expired. Another instance may have written a
	 * later access since it was loaded, so only a copy just loaded can confirm it.
	 */
	boolean looksExpiredAt(Instant now) {
		return !maxInactive.isNegative() && !lastAccessedAt().plus(maxInactive).isAfter(now);
	}

	@Override
	public int estimatedBytes() {
		return estimatedBytes;
	}

}
