package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.util.function.ToIntFunction;

import io.ledgerline.tagcache.Weighable;

/**
 * A value's estimated bytes when the cache is bounded by weight: its own estimate when it
 * is {@link Weighable}, two bytes a character for text, else a fixed default.
 */
final class ValueWeigher implements ToIntFunction<Object> {

	private final int otherValueBytes;

	ValueWeigher(int otherValueBytes) {
		this.otherValueBytes = otherValueBytes;
	}

	@Override
	public int applyAsInt(Object value) {
		if (value instanceof Weighable weighable) {
			return weighable.estimatedBytes();
		}
		if (value instanceof CharSequence text) {
			return 2 * text.length() + 40;
		}
		return otherValueBytes;
	}

}
