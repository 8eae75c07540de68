package io.ledgerline.jobs;

import java.nio.charset.StandardCharsets;

import com.github.kagkarlsson.scheduler.serializer.Serializer;

/**
 * Stores task data as the text it is (our tasks carry their payload as JSON), not as Java
 * serialization: the rows stay readable in the database, and a task validates its own
 * payload strictly instead of trusting whatever a deserializer builds.
 */
public class TextPayloadSerializer implements Serializer {

	@Override
	public byte[] serialize(Object data) {
		if (data == null) {
			return null;
		}
		if (data instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new IllegalArgumentException("Task data must be JSON text, not " + data.getClass().getName());
	}

	@Override
	public <T> T deserialize(Class<T> type, byte[] data) {
		if (data == null) {
			return null;
		}
		if (type == String.class || type == Object.class) {
			return type.cast(new String(data, StandardCharsets.UTF_8));
		}
		throw new IllegalArgumentException("Task data is JSON text; cannot read it as " + type.getName());
	}

}
