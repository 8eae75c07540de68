package io.ledgerline.tagcache.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Cached values whose refresh one instance may run for the whole cluster: the keys
 * starting with {@code keyPrefix} hold values {@code codec} can carry between instances.
 * Give it to {@link RedisRefreshCoordinator.Builder#share(SharedValue)}; with the Spring
 * Boot starter, declare it as a bean (next to the key it describes) and the starter's
 * coordinator shares it whenever {@code tagcache.redis.uri} is set. After a
 * {@code revalidateTag} one instance then runs the loader of such a key and the others
 * take its result.
 *
 * <p>
 * Share only what is the same on every instance and small: data read from the database,
 * never a rendered page (it carries per-request parts) or anything about a user.
 *
 * @param <V> the values it carries
 */
public record SharedValue<V>(String keyPrefix, ValueCodec<V> codec) {

	public SharedValue {
		Objects.requireNonNull(keyPrefix, "keyPrefix");
		Objects.requireNonNull(codec, "codec");
		if (keyPrefix.isEmpty()) {
			throw new IllegalArgumentException("a shared key prefix must not be empty (it would share every key)");
		}
	}

	/**
	 * Values that are {@code count} text fields: {@code fields} writes them (no field may
	 * contain a line break), {@code value} builds the value back from exactly that many
	 * and throws on anything it cannot parse, so bytes from Redis never become more than
	 * plain data.
	 */
	public static <V> SharedValue<V> ofFields(String keyPrefix, Class<V> type, int count,
			Function<V, List<String>> fields, Function<List<String>, V> value) {
		return new SharedValue<>(keyPrefix, new FieldsCodec<>(type, count, fields, value));
	}

	private record FieldsCodec<V>(Class<V> type, int count, Function<V, List<String>> fields,
			Function<List<String>, V> value) implements ValueCodec<V> {

		@Override
		public byte[] encode(V value) {
			List<String> parts = counted(fields.apply(value));
			for (String part : parts) {
				if (part.indexOf('\n') >= 0) {
					throw new IllegalArgumentException("a shared field must not contain a line break");
				}
			}
			return String.join("\n", parts).getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public V decode(byte[] bytes) {
			return value.apply(counted(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1))));
		}

		private List<String> counted(List<String> parts) {
			if (parts.size() != count) {
				throw new IllegalArgumentException(
						type.getSimpleName() + ": expected " + count + " fields, got " + parts.size());
			}
			return parts;
		}

	}

}
