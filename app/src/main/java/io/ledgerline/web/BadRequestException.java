package io.ledgerline.web;

/**
 * A malformed request parameter (cursor, id, flag): the request cannot be understood as
 * sent.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
