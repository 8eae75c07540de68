package io.ledgerline.invoices;

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
		try {
			long parsed = Long.parseLong(version == null ? "" : version.trim());
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
