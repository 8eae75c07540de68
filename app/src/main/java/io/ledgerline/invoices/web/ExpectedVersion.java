package io.ledgerline.invoices.web;

import io.ledgerline.web.BadRequestException;

/**
 * The {@code version} field every write carries: the version the client last saw. It is
 * hidden and machine-written, so a garbled one is a bad request; a well-formed but wrong
 * one is left to the UPDATE's precondition and earns a conflict.
 */
final class ExpectedVersion {

	private ExpectedVersion() {
	}

	static long parse(String version) {
		String text = version == null ? "" : version.trim();
		// ASCII digits only: Long.parseLong also reads full-width and other Unicode
		// digits.
		if (!text.matches("[0-9]{1,18}")) {
			throw new BadRequestException("version is required and must be a whole number.");
		}
		try {
			long parsed = Long.parseLong(text);
			if (parsed < 0) {
				throw new NumberFormatException();
			}
			return parsed;
		}
		catch (NumberFormatException e) {
			throw new BadRequestException("version is required and must be a whole number.");
		}
	}

}
