package io.ledgerline.tagcache.redis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.ledgerline.tagcache.SharedRefresh;

/**
 * The wire form of a {@link SharedRefresh}, kept in Redis and published: a version byte,
 * the key, the generation, {@code fetchedAt}, the origin, the tags with the epochs seen,
 * then the value's own bytes (its {@link ValueCodec}'s). Strings are length-prefixed
 * UTF-8, so none needs escaping.
 */
final class RefreshWire {

	private static final byte VERSION = 1;

	private RefreshWire() {
	}

	static byte[] encode(SharedRefresh refresh, byte[] value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length + 128);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(VERSION);
			writeString(out, refresh.key());
			out.writeLong(refresh.generation());
			out.writeLong(refresh.fetchedAt().getEpochSecond());
			out.writeInt(refresh.fetchedAt().getNano());
			writeString(out, refresh.origin());
			out.writeInt(refresh.tags().size());
			for (SharedRefresh.SeenTag tag : refresh.tags()) {
				writeString(out, tag.tag());
				out.writeLong(tag.expireEpoch());
				out.writeLong(tag.staleEpoch());
			}
			out.writeInt(value.length);
			out.write(value);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/**
	 * The refresh these bytes carry, its value decoded by what {@code decoder} gives for
	 * the key; {@code null} when this instance shares no values for that key.
	 * @throws IllegalArgumentException for bytes that are not a refresh
	 */
	static SharedRefresh decode(byte[] wire, Function<String, Function<byte[], Object>> decoder) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(wire))) {
			if (in.readByte() != VERSION) {
				throw new IllegalArgumentException("not a shared refresh (unknown version)");
			}
			String key = readString(in);
			Function<byte[], Object> values = decoder.apply(key);
			if (values == null) {
				return null;
			}
			long generation = in.readLong();
			Instant fetchedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
			String origin = readString(in);
			int count = in.readInt();
			List<SharedRefresh.SeenTag> tags = new ArrayList<>(Math.min(count, 64));
			for (int i = 0; i < count; i++) {
				tags.add(new SharedRefresh.SeenTag(readString(in), in.readLong(), in.readLong()));
			}
			byte[] value = in.readNBytes(in.readInt());
			return new SharedRefresh(key, generation, values.apply(value), fetchedAt, tags, origin);
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalArgumentException("not a shared refresh: " + e.getMessage(), e);
		}
	}

	private static void writeString(DataOutputStream out, String s) throws IOException {
		byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	private static String readString(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > in.available()) {
			throw new IOException("bad length " + length);
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

}
