/**
 * The invoice pages and JSON: thin controllers, the forms they parse, the prerendered
 * list and detail pages ({@link InvoicePages}), the CSV download and the invoice-number
 * links. Package-private but for the warm-up the {@code warmup} feature runs and the form
 * records the templates read. Reads go through {@code InvoiceReads}, writes through the
 * {@code write} use cases, never the repository.
 */
package io.ledgerline.invoices.web;
