package io.ledgerline.web;

/**
 * A precondition on the row failed (stale version, wrong lifecycle state). Carries the
 * server's current row so the client can recover without another round trip.
 */
public class ConflictException extends RuntimeException {

	private final transient Object current;

	public ConflictException(String message, Object current) {
		super(message);
		this.current = current;
	}

	public Object current() {
		return current;
	}

}
