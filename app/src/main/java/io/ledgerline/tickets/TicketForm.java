package io.ledgerline.tickets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.ledgerline.web.ValidationException;

/**
 * The create form exactly as submitted, so a rejected submit can be shown back with its
 * messages. {@link #validate} turns it into a {@link NewTicket}.
 *
 * <p>
 * The body may be empty: many tickets are fully said by their title ("VPN drops every
 * hour"), and demanding a body only invites filler. Lengths are counted in UTF-16 units,
 * which never undercounts what the VARCHAR columns hold on either database.
 */
public record TicketForm(String title, String body) {

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 5_000;

	static TicketForm empty() {
		return new TicketForm("", "");
	}

	record Validated(Optional<NewTicket> ticket, Map<String, String> errors) {

		/**
		 * The valid values, or a {@link ValidationException} (422) with every message.
		 */
		NewTicket orElseThrow() {
			return ticket.orElseThrow(() -> new ValidationException(errors));
		}

	}

	Validated validate() {
		Map<String, String> errors = new LinkedHashMap<>();
		String cleanTitle = title == null ? "" : title.strip();
		if (cleanTitle.isEmpty()) {
			errors.put("title", "Title is required.");
		}
		else if (cleanTitle.length() > MAX_TITLE) {
			errors.put("title", "Title must be at most " + MAX_TITLE + " characters.");
		}
		else if (cleanTitle.chars().anyMatch(Character::isISOControl)) {
			errors.put("title", "Title must be a single line of text.");
		}
		// Browsers send textarea line breaks as CRLF; store (and count) each as one
		// character.
		String cleanBody = body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n').strip();
		if (cleanBody.length() > MAX_BODY) {
			errors.put("body", "Details must be at most 5,000 characters.");
		}
		else if (cleanBody.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
			// NUL and friends: PostgreSQL refuses NUL in text, and none of them belongs
			// in a ticket.
			errors.put("body", "Details contain characters that are not allowed.");
		}
		if (!errors.isEmpty()) {
			return new Validated(Optional.empty(), errors);
		}
		return new Validated(Optional.of(new NewTicket(cleanTitle, cleanBody)), errors);
	}

}
