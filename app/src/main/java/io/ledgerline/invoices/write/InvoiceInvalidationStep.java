package io.ledgerline.invoices.write;

import io.ledgerline.tagcache.TagCache;
import io.ledgerline.invoices.InvoiceTags;

/**
 * How an edit invalidates the tags it touched. The app's rule is {@link #EXACT}:
 * {@code updateTag} on the list, the record and the summary, so the user waiting on the
 * redirect reads their own write. A profile may supply another step as a bean (the demo
 * profile's inspector does, to show what the wrong primitive looks like); the invoice
 * package neither knows nor asks which.
 */
@FunctionalInterface
public interface InvoiceInvalidationStep {

	InvoiceInvalidationStep EXACT = (cache, orgId, invoiceId) -> cache
		.updateTags(InvoiceTags.touchedBy(orgId, invoiceId));

	/** Runs inside the edit's transaction; the cache holds it until the commit. */
	void invalidate(TagCache cache, String orgId, long invoiceId);

}
