package io.ledgerline.invoices;

/**
 * Who an invoice is for, as both invoice forms take it: one line of at most
 * {@value #MAX_LENGTH} characters, stripped.
 *
 * @param value the name, stripped
 * @throws InvalidValueException when the name is blank, too long or not one line
 */
public record CustomerName(String value) {

	public static final int MAX_LENGTH = 200;

	public CustomerName {
		value = OneLineText.check(value, "Customer name", MAX_LENGTH);
	}

}
