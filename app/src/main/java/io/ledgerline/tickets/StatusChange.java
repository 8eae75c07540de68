package io.ledgerline.tickets;

/**
 * The outcome of a status change. {@code changed} is false when the ticket already had
 * the asked-for status: then nothing was written, audited or invalidated.
 */
public record StatusChange(Ticket ticket, TicketStatus from, boolean changed) {
}
