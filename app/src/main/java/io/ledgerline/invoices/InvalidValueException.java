package io.ledgerline.invoices;

/**
 * A typed value breaks its rule. Thrown by the constructors of the values the invoice
 * forms are made of ({@link CustomerName}, {@link Amount}, {@link OneLineText}); the
 * message is the one the user reads, and the form puts it under the field it came from,
 * so a bad value is a 422 with the form, never a 500.
 */
public class InvalidValueException extends RuntimeException {

	public InvalidValueException(String message) {
		// A validation outcome, thrown often by design: no stack trace to fill.
		super(message, null, false, false);
	}

}
