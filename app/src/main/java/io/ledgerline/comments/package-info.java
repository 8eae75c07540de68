/**
 * The comment thread of an invoice: keyset pages newest first, the JSON read API the
 * page's client island polls, the idempotent post (insert, audit row and the invoice
 * record's invalidation in one transaction), the thread section of the detail page and
 * the demo comments. Builds on invoices (visibility of the invoice), never the other way
 * round.
 */
package io.ledgerline.comments;
