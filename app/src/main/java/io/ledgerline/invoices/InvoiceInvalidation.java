package io.ledgerline.invoices;

import java.util.List;

import org.springframework.stereotype.Component;

import io.ledgerline.caching.InvoiceTags;
import io.ledgerline.tagcache.TagCache;

/**
 * What an invoice mutation invalidates, in one routine for every action. Called inside
 * the mutation's transaction: the cache's commit binding holds every invalidation until
 * the commit and drops it on rollback, so "commit, then invalidate" holds by construction
 * and a refused write invalidates (and logs) nothing.
 */
@Component
class InvoiceInvalidation {

	static final String LIST_PATH = "/invoices";

	private final TagCache cache;

	private final ListInvalidationMisuse misuse;

	InvoiceInvalidation(TagCache cache, ListInvalidationMisuse misuse) {
		this.cache = cache;
		this.misuse = misuse;
	}

	/**
	 * Archive, restore, delete (and the inspector's drift): the user waits on the
	 * redirect, so read-your-writes.
	 */
	void afterChange(String orgId, long invoiceId) {
		cache.updateTags(InvoiceTags.touchedBy(orgId, invoiceId));
		cache.revalidatePath(LIST_PATH);
	}

	/**
	 * A create: the org's list and summary change; no record entry exists yet to
	 * invalidate. Read-your-writes, as the creator waits on the redirect. Called after
	 * the create's commit (see InvoiceCreation for why not inside it).
	 */
	void afterCreate(String orgId) {
		cache.updateTags(List.of(InvoiceTags.list(orgId), InvoiceTags.summary(orgId)));
		cache.revalidatePath(LIST_PATH);
	}

	/** The edit action; the one place the inspector's misuse toggle is read. */
	void afterEdit(String orgId, long invoiceId) {
		if (misuse.isOn()) {
			// Deliberately wrong (teaching surface): stale-while-revalidate for the list
			// the
			// user is about to be shown, so the redirect shows the old amount.
			cache.revalidateTag(InvoiceTags.list(orgId), "max");
			cache.updateTags(List.of(InvoiceTags.record(orgId, invoiceId), InvoiceTags.summary(orgId)));
		}
		else {
			cache.updateTags(InvoiceTags.touchedBy(orgId, invoiceId));
		}
		cache.revalidatePath(LIST_PATH);
	}

}
