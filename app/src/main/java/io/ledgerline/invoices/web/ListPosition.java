package io.ledgerline.invoices.web;

import io.ledgerline.summary.OrgSummary;
import io.ledgerline.invoices.InvoicePage;
import io.ledgerline.invoices.InvoiceSearch;
import io.ledgerline.invoices.InvoiceView;

/**
 * Where a page sits in its view: rows {@code first} to {@code last} (1-based) of
 * {@code total}, which is null when it is not cheap to know. The active view's total is
 * the summary's count (kept by every write, O(1)); the archive's is counted with the page
 * ({@link InvoicePage#total()}); the whole org ("all") and a search show no total.
 */
record ListPosition(long first, long last, Long total) {

	static ListPosition of(InvoicePage page, InvoiceView view, InvoiceSearch search, OrgSummary summary) {
		Long total = page.total();
		if (total == null && view == InvoiceView.ACTIVE && search.isNone()) {
			total = summary.activeCount();
		}
		return new ListPosition(page.rowsAbove() + 1, page.rowsAbove() + page.rows().size(), total);
	}

}
