package io.ledgerline.comments;

import io.ledgerline.web.BadRequestException;

/** The {@code limit} of a thread page: 1–100, 20 when absent. */
final class PageLimit {

	static final int DEFAULT = 20;

	static final int MAX = 100;

	private PageLimit() {
	}

	static int parse(String limit) {
		if (limit == null) {
			return DEFAULT;
		}
		try {
			int value = Integer.parseInt(limit);
			if (value >= 1 && value <= MAX) {
				return value;
			}
		}
		catch (NumberFormatException e) {
			// answered below, with the same message as an out-of-range number
		}
		throw new BadRequestException("limit must be a whole number from 1 to " + MAX + ".");
	}

}
