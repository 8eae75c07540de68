package io.ledgerline.tickets;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a ticket is in its life. Any status may follow any other (a done ticket can be
 * reopened).
 */
public enum TicketStatus {

	OPEN("Open"), IN_PROGRESS("In progress"), DONE("Done");

	private final String label;

	TicketStatus(String label) {
		this.label = label;
	}

	/** The wire and database value: {@code open}, {@code in_progress}, {@code done}. */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return label;
	}

	public static Optional<TicketStatus> parse(String value) {
		return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
	}

}
