package io.ledgerline.summary;

/**
 * A job payload refused at the boundary: nothing was read, written or logged, and the job
 * is not retried (the same payload would be refused again).
 */
public class InvalidJobPayloadException extends RuntimeException {

	InvalidJobPayloadException(String message) {
		super(message);
	}

}
