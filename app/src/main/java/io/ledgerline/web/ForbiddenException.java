package io.ledgerline.web;

/** The caller is known but their role in the active org does not allow the operation. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
