package io.ledgerline.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
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
public final class PrerenderedPage {

	/** The page's text around the holes: one more than there are holes. */
	private final byte[][] literals;

	private final Hole[] holes;

	private final int literalLength;

	private PrerenderedPage(List<byte[]> literals, List<Hole> holes) {
		this.literals = literals.toArray(byte[][]::new);
		this.holes = holes.toArray(Hole[]::new);
		int length = 0;
		for (byte[] literal : this.literals) {
			length += literal.length;
		}
		this.literalLength = length;
	}

	/** Compiles rendered HTML whose holes are written as their {@link Hole#marker()}. */
	public static PrerenderedPage of(String html) {
		List<byte[]> literals = new ArrayList<>();
		List<Hole> holes = new ArrayList<>();
		int from = 0;
		int at;
		while ((at = html.indexOf(Hole.Markers.PREFIX, from)) >= 0) {
			int nameStart = at + Hole.Markers.PREFIX.length();
			int nameEnd = html.indexOf(Hole.Markers.SUFFIX, nameStart);
			if (nameEnd < 0) {
				throw new IllegalArgumentException("A hole marker without its end at " + at + ".");
			}
			literals.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
			holes.add(Hole.valueOf(html.substring(nameStart, nameEnd).replace('-', '_')));
			from = nameEnd + Hole.Markers.SUFFIX.length();
		}
		literals.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
		return new PrerenderedPage(literals, holes);
	}

	/** The bytes this page holds: its text around the holes, and the holes' array. */
	public int estimatedBytes() {
		return this.literalLength + 16 * this.literals.length + 8 * this.holes.length + 64;
	}

	/** The holes this page has, each once. */
	public Set<Hole> holes() {
		Set<Hole> distinct = EnumSet.noneOf(Hole.class);
		distinct.addAll(List.of(this.holes));
		return distinct;
	}

	/**
	 * The whole page with every hole filled: {@code html} answers each distinct hole once
	 * with text that is already escaped for HTML.
	 */
	public byte[] fill(Function<Hole, String> html) {
		Map<Hole, byte[]> values = new EnumMap<>(Hole.class);
		int length = this.literalLength;
		for (Hole hole : this.holes) {
			byte[] value = values.get(hole);
			if (value == null) {
				String text = html.apply(hole);
				value = (text != null) ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
				values.put(hole, value);
			}
			length += value.length;
		}
		byte[] page = new byte[length];
		int at = 0;
		for (int i = 0; i < this.holes.length; i++) {
			at = copy(this.literals[i], page, at);
			at = copy(values.get(this.holes[i]), page, at);
		}
		copy(this.literals[this.holes.length], page, at);
		return page;
	}

	private static int copy(byte[] from, byte[] to, int at) {
		System.arraycopy(from, 0, to, at, from.length);
		return at + from.length;
	}

}
