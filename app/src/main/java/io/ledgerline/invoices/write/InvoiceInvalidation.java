package io.ledgerline.invoices.write;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.ledgerline.tagcache.TagCache;
import io.ledgerline.invoices.InvoiceTags;

/**
 * What an invoice mutation invalidates, in one routine for every change. Called inside
 * the mutation's transaction: the cache's commit binding holds every invalidation until
 * the commit and drops it on rollback, so "commit, then invalidate" holds by construction
 * and a refused write invalidates (and logs) nothing.
 */
@Component
public class InvoiceInvalidation {

	private final TagCache cache;

	private final InvoiceInvalidationStep editStep;

	InvoiceInvalidation(TagCache cache, ObjectProvider<InvoiceInvalidationStep> editStep) {
		this.cache = cache;
		this.editStep = editStep.getIfAvailable(() -> InvoiceInvalidationStep.EXACT);
	}

	/**
	 * Archive, restore, delete, and any other change to one invoice: the user waits on
	 * the redirect, so read-your-writes.
	 */
	public void afterChange(String orgId, long invoiceId) {
		InvoiceInvalidationStep.EXACT.invalidate(cache, orgId, invoiceId);
	}

	/**
	 * A create: the org's list and summary change; no record entry exists yet to
	 * invalidate. Read-your-writes, as the creator waits on the redirect.
	 */
	void afterCreate(String orgId) {
		cache.updateTags(List.of(InvoiceTags.list(orgId), InvoiceTags.summary(orgId)));
	}

	/**
	 * The edit action: {@link InvoiceInvalidationStep#EXACT} unless a profile supplied
	 * another.
	 */
	void afterEdit(String orgId, long invoiceId) {
		editStep.invalidate(cache, orgId, invoiceId);
	}

}
