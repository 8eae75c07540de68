package io.ledgerline.invoices;

import java.util.List;

/** One keyset page of the list; {@code nextCursor} is null on the last page. */
public record InvoicePage(List<Invoice> rows, String nextCursor) {
}
