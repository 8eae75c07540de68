package io.ledgerline.summary;

import io.ledgerline.web.BadRequestException;

/**
 * A job payload refused at the boundary: nothing was read, written or logged, and the job
 * is not retried (the same payload would be refused again). Raised by a trigger, it
 * answers 400 like any other bad request.
 */
public class InvalidJobPayloadException extends BadRequestException {

	InvalidJobPayloadException(String message) {
		super(message);
	}

}
