/**
 * Idempotent creates: a one-time key (a form's {@code createKey}, a JSON client's
 * {@code Idempotency-Key}) stored with what its first create made, so a double click, a
 * browser retry or a client's retry after a lost answer gets the first result instead of
 * a second invoice or ticket.
 */
package io.ledgerline.idempotency;
