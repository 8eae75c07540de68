/**
 * Invoices: the model other features build on ({@link io.ledgerline.invoices.Invoice},
 * its status and lifecycle, the value rules), every read ({@link InvoiceReads}:
 * authorize, then the cache, then the repository) and the SQL ({@link InvoiceRepository}
 * and the number and search tables beside it).
 *
 * <p>
 * Subpackages: {@code write} (one class per use case: create, edit, archive/restore/
 * delete), {@code web} (controllers, forms and pages) and {@code print}. They depend on
 * this package, never the other way, and only {@code write} touches the repository's
 * writes ({@code ArchitectureTests}).
 */
package io.ledgerline.invoices;
