package io.ledgerline.web;

/**
 * The thing does not exist, or exists only in another org: both look the same to the
 * caller.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
