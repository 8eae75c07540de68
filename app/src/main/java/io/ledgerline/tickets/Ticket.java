package io.ledgerline.tickets;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One ticket as the server has it. */
public record Ticket(long id, @JsonIgnore String orgId, String title, String body, TicketStatus status,
		Instant createdAt, Instant updatedAt) {
}
