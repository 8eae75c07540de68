package io.ledgerline.invoices;

import java.util.List;

public record InvoiceDetail(Invoice invoice, List<InvoiceLine> lines) {
}
