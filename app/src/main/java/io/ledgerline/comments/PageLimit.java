package io.ledgerline.comments;

import io.ledgerline.web.AsciiNumbers;
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
		// ASCII digits only, as every number field: Integer.parseInt alone also reads
		// "+20" and full-width or other scripts' digits.
		if (AsciiNumbers.isWholeNumber(limit)) {
			try {
				int value = Integer.parseInt(limit);
				if (value >= 1 && value <= MAX) {
					return value;
				}
			}
			catch (NumberFormatException beyondAnInt) {
				// out of range, answered below like any other
			}
		}
		throw new BadRequestException("limit must be a whole number from 1 to " + MAX + ".");
	}

}
