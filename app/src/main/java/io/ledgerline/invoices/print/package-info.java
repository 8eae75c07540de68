/**
 * An invoice outside the app: the printable page and the PDF (PDFBox), both cached under
 * the invoice's record tag. Builds on invoices' reads; invoices links to it by URL only.
 */
package io.ledgerline.invoices.print;
