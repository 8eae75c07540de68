package io.ledgerline.invoices;

/**
 * One line of an invoice form as typed (strings, so "abc" is shown back with a message).
 */
public record LineInput(String description, String quantity, String unitPrice) {

	public static final LineInput EMPTY = new LineInput("", "", "");

	public boolean isBlank() {
		return blank(description) && blank(quantity) && blank(unitPrice);
	}

	public static LineInput of(InvoiceLine line) {
		return new LineInput(line.description(), line.quantity().toPlainString(), line.unitPrice().toPlainString());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
