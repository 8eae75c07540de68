package io.ledgerline.invoices;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.ledgerline.web.BadRequestException;

/**
 * Opaque keyset cursor: the id of the last row shown. Opaque so clients cannot come to
 * depend on its shape; strictly decoded so a garbled one is a 400, not a 500.
 */
public final class PageCursor {

	private static final String PREFIX = "id:";

	/** What {@link #decode} answers for no cursor: the first page. */
	public static final long FIRST_PAGE = Long.MAX_VALUE;

	private PageCursor() {
	}

	public static String encode(long lastId) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Decodes a cursor into the id to continue below; {@code Long.MAX_VALUE} for the
	 * first page.
	 */
	public static long decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return FIRST_PAGE;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (!text.startsWith(PREFIX)) {
				throw new IllegalArgumentException();
			}
			long id = Long.parseLong(text.substring(PREFIX.length()));
			if (id <= 0) {
				throw new IllegalArgumentException();
			}
			return id;
		}
		catch (IllegalArgumentException e) {
			throw new BadRequestException("cursor is malformed; follow the next-page link instead of editing it.");
		}
	}

}
