/**
 * Support tickets: an org's board, cached as one rendered fragment per (org, role) and
 * invalidated by route ({@code revalidatePath("/tickets")}) after each committed create,
 * status change or delete. {@link io.ledgerline.tickets.TicketService} is the feature's
 * entry point; controllers only parse, call and answer.
 */
package io.ledgerline.tickets;
