package io.ledgerline.tagcache.redis;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns cached values of one type into bytes and back, so a refresh one instance ran can
 * serve the others ({@link RedisRefreshCoordinator}). Written by whoever owns the type,
 * for exactly that type: the bytes come back from Redis, so decoding must build only a
 * value of that type from plain data (never Java serialization, never a class named in
 * the bytes).
 *
 * @param <V> the values it carries
 */
public interface ValueCodec<V> {

	/** The values it carries; a cached value of another type is refreshed locally. */
	Class<V> type();

	byte[] encode(V value);

	/** The value {@link #encode} made these bytes from. */
	V decode(byte[] bytes);

	/** Strings (rendered fragments, for example) as UTF-8. */
	static ValueCodec<String> utf8() {
		return Utf8.INSTANCE;
	}

	/** {@link ValueCodec#utf8()}. */
	enum Utf8 implements ValueCodec<String> {

		INSTANCE;

		@Override
		public Class<String> type() {
			return String.class;
		}

		@Override
		public byte[] encode(String value) {
			return Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public String decode(byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}

	}

}
