/**
 * The invoice writes, one class per use case ({@link InvoiceCreation},
 * {@link InvoiceEditing}, {@link InvoiceLifecycleChanges}), each one transaction: the
 * row, the summary delta, the audit row and the cache invalidations
 * ({@link InvoiceInvalidation}, held until the commit). Apart so the write discipline
 * reads in one place and nothing else writes an invoice.
 */
package io.ledgerline.invoices.write;
