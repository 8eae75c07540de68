package io.ledgerline.web.page;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A page rendered once and kept as UTF-8 bytes with {@link Hole holes} for what belongs
 * to one request (what Next.js calls a prerendered shell). Answering a request is copying
 * the bytes and the holes' values into one array: no template, no expression, no
 * character encoding of the shared part.
 */
final class SharedHtml {

	/** One hole where it sits on the page: which hole, and its argument or null. */
	record Slot(Hole hole, String argument) {
	}

	/** The page's text around the holes: one more than there are holes. */
	private final byte[][] literals;

	private final Slot[] slots;

	private final int literalLength;

	private SharedHtml(List<byte[]> literals, List<Slot> slots) {
		this.literals = literals.toArray(byte[][]::new);
		this.slots = slots.toArray(Slot[]::new);
		int length = 0;
		for (byte[] literal : this.literals) {
			length += literal.length;
		}
		this.literalLength = length;
	}

	/** Compiles rendered HTML whose holes are written as their {@link Hole#marker()}. */
	static SharedHtml of(String html) {
		List<byte[]> literals = new ArrayList<>();
		List<Slot> slots = new ArrayList<>();
		int from = 0;
		int at;
		while ((at = html.indexOf(Hole.Markers.PREFIX, from)) >= 0) {
			int nameStart = at + Hole.Markers.PREFIX.length();
			int nameEnd = html.indexOf(Hole.Markers.SUFFIX, nameStart);
			if (nameEnd < 0) {
				throw new IllegalArgumentException("A hole marker without its end at " + at + ".");
			}
			literals.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
			slots.add(slot(html.substring(nameStart, nameEnd)));
			from = nameEnd + Hole.Markers.SUFFIX.length();
		}
		literals.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
		return new SharedHtml(literals, slots);
	}

	private static Slot slot(String written) {
		int argument = written.indexOf(Hole.ARGUMENT);
		String name = argument < 0 ? written : written.substring(0, argument);
		return new Slot(Hole.valueOf(name.replace('-', '_')),
				argument < 0 ? null : written.substring(argument + Hole.ARGUMENT.length()));
	}

	/** The bytes this page holds: its text around the holes, and the holes' array. */
	int estimatedBytes() {
		return this.literalLength + 16 * this.literals.length + 40 * this.slots.length + 64;
	}

	/** The holes this page has, each once, in page order. */
	Set<Slot> slots() {
		return new LinkedHashSet<>(List.of(this.slots));
	}

	/**
	 * The whole page with every hole filled: {@code html} answers each distinct hole once
	 * with text that is already escaped for HTML (null for nothing).
	 */
	byte[] fill(Function<Slot, String> html) {
		Map<Slot, byte[]> values = new HashMap<>();
		int length = this.literalLength;
		for (Slot slot : this.slots) {
			byte[] value = values.get(slot);
			if (value == null) {
				String text = html.apply(slot);
				value = (text != null) ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
				values.put(slot, value);
			}
			length += value.length;
		}
		byte[] page = new byte[length];
		int at = 0;
		for (int i = 0; i < this.slots.length; i++) {
			at = copy(this.literals[i], page, at);
			at = copy(values.get(this.slots[i]), page, at);
		}
		copy(this.literals[this.slots.length], page, at);
		return page;
	}

	private static int copy(byte[] from, byte[] to, int at) {
		System.arraycopy(from, 0, to, at, from.length);
		return at + from.length;
	}

}
