package io.ledgerline.inspector;

/**
 * What an inspector button did: {@code done} when the flow ran (the user goes on to see
 * its effect), otherwise refused with the reason (the user stays on the inspector).
 */
record ButtonOutcome(boolean done, String message) {

	static ButtonOutcome done(String message) {
		return new ButtonOutcome(true, message);
	}

	static ButtonOutcome refused(String message) {
		return new ButtonOutcome(false, message);
	}

}
