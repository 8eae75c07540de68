package io.ledgerline.tagcache.redis;

import java.time.Duration;
import java.time.Instant;

import io.ledgerline.tagcache.TagInvalidation;

/**
 * The wire form of a {@link TagInvalidation}: one line of text,
 * {@code 1|kind|epoch|atSeconds|atNanos|windowNanos or -|originLength|origin tag}. The
 * origin is length-prefixed and the tag is the rest, so neither needs escaping.
 */
final class MessageCodec {

	private static final String VERSION = "1";

	private MessageCodec() {
	}

	static String encode(TagInvalidation m) {
		String window = m.staleWindow() == null ? "-" : Long.toString(m.staleWindow().toNanos());
		return VERSION + '|' + (m.kind() == TagInvalidation.Kind.EXPIRE ? 'E' : 'S') + '|' + m.epoch() + '|'
				+ m.at().getEpochSecond() + '|' + m.at().getNano() + '|' + window + '|' + m.origin().length() + '|'
				+ m.origin() + m.tag();
	}

	static TagInvalidation decode(String text) {
		String[] head = text.split("\\|", 8);
		if (head.length != 8 || !VERSION.equals(head[0])) {
			throw new IllegalArgumentException("not an invalidation message: " + text);
		}
		TagInvalidation.Kind kind = switch (head[1]) {
			case "E" -> TagInvalidation.Kind.EXPIRE;
			case "S" -> TagInvalidation.Kind.STALE;
			default -> throw new IllegalArgumentException("unknown kind in: " + text);
		};
		long epoch = Long.parseLong(head[2]);
		Instant at = Instant.ofEpochSecond(Long.parseLong(head[3]), Long.parseLong(head[4]));
		Duration window = "-".equals(head[5]) ? null : Duration.ofNanos(Long.parseLong(head[5]));
		int originLength = Integer.parseInt(head[6]);
		String rest = head[7];
		return new TagInvalidation(rest.substring(originLength), kind, epoch, at, window,
				rest.substring(0, originLength));
	}

	/** The sorted-set member of a message: its kind and tag. */
	static String member(TagInvalidation m) {
		return (m.kind() == TagInvalidation.Kind.EXPIRE ? "E|" : "S|") + m.tag();
	}

}
