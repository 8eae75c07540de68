package io.ledgerline.invoices;

/**
 * The rule of text a person types on one line (a customer name, a line's description):
 * stripped, required, at most a given length, no control characters. Line breaks, tabs
 * and NUL have no place in a name or a description (and PostgreSQL refuses NUL).
 */
final class OneLineText {

	private OneLineText() {
	}

	/**
	 * {@code input} stripped.
	 * @throws InvalidValueException with a message that starts with {@code label}
	 */
	static String check(String input, String label, int maxLength) {
		String text = input == null ? "" : input.strip();
		if (text.isEmpty()) {
			throw new InvalidValueException(label + " is required.");
		}
		if (text.length() > maxLength) {
			throw new InvalidValueException(label + " must be at most " + maxLength + " characters.");
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidValueException(label + " must be a single line of text.");
		}
		return text;
	}

}
