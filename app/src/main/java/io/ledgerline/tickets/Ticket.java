package io.ledgerline.tickets;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One ticket as the server has it. {@code number} is what people see (#1, #2, … per org);
 * {@code id} addresses it in URLs and hooks.
 */
public record Ticket(long id, @JsonIgnore String orgId, long number, String title, String body, TicketStatus status,
		Instant createdAt, Instant updatedAt) {
}
