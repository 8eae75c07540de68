package io.ledgerline.tickets;

/**
 * A checked create request: title stripped, 1–200 characters; body stripped, at most
 * 5,000, possibly empty.
 */
record NewTicket(String title, String body) {
}
