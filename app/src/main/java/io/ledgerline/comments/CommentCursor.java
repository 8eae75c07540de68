package io.ledgerline.comments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.ledgerline.web.AsciiNumbers;
import io.ledgerline.web.BadRequestException;

/**
 * Opaque keyset cursor: the (created_at, id) of the last comment shown; the next page
 * holds the comments strictly older in that order. Opaque so clients cannot come to
 * depend on its shape; strictly decoded so a garbled one is a 400, never a 500.
 */
record CommentCursor(Instant createdAt, UUID id) {

	private static final String PREFIX = "c1:";

	static CommentCursor after(Comment last) {
		return new CommentCursor(last.createdAt(), last.id());
	}

	String encode() {
		String text = PREFIX + createdAt.toEpochMilli() + ":" + id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The cursor, or null for the first page (no cursor or an empty one). */
	static CommentCursor decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (!text.startsWith(PREFIX)) {
				throw new IllegalArgumentException();
			}
			String rest = text.substring(PREFIX.length());
			int colon = rest.indexOf(':');
			if (colon < 1) {
				throw new IllegalArgumentException();
			}
			String millisText = rest.substring(0, colon);
			// Only the ASCII digits this server writes: Long.parseLong alone also
			// reads "+1" and other scripts' digits, so one position could be spelled
			// many ways.
			if (!AsciiNumbers.isWholeNumber(millisText)) {
				throw new IllegalArgumentException();
			}
			long millis = Long.parseLong(millisText);
			String uuid = rest.substring(colon + 1);
			UUID id = UUID.fromString(uuid);
			// UUID.fromString accepts short forms ("1-1-1-1-1"); only the canonical form
			// is a cursor this server wrote.
			if (!id.toString().equals(uuid) || millis < 0) {
				throw new IllegalArgumentException();
			}
			return new CommentCursor(Instant.ofEpochMilli(millis), id);
		}
		catch (IllegalArgumentException | java.time.DateTimeException e) {
			throw new BadRequestException("cursor is malformed; pass the nextCursor of the previous page unchanged.");
		}
	}

}
