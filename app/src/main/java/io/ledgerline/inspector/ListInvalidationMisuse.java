package io.ledgerline.inspector;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import io.ledgerline.invoices.InvoiceInvalidationStep;
import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.tagcache.TagCache;

/**
 * TEACHING SURFACE, not a feature: the inspector's "misuse" toggle. When on, the edit
 * action invalidates the list with revalidateTag(…, "max") instead of updateTag, to show
 * what the wrong primitive does to the user who is waiting on the redirect (the list
 * shows the old amount while record and summary are fresh). It is the edit's
 * {@link InvoiceInvalidationStep} in the demo profile only; without that profile the bean
 * does not exist and the edit uses the exact step. Per org: one org's demo never changes
 * how another org's edits behave.
 */
@Component
@Profile("demo")
public class ListInvalidationMisuse implements InvoiceInvalidationStep {

	private final ConcurrentHashMap<String, Boolean> byOrg = new ConcurrentHashMap<>();

	private volatile boolean everywhere;

	@Override
	public void invalidate(TagCache cache, String orgId, long invoiceId) {
		if (!isOn(orgId)) {
			EXACT.invalidate(cache, orgId, invoiceId);
			return;
		}
		// Deliberately wrong: stale-while-revalidate for the list the user is about to be
		// shown, so the redirect shows the old amount.
		cache.revalidateTag(InvoiceTags.list(orgId), "max");
		cache.updateTags(List.of(InvoiceTags.record(orgId, invoiceId), InvoiceTags.summary(orgId)));
	}

	public boolean isOn(String orgId) {
		return byOrg.getOrDefault(orgId, everywhere);
	}

	/** Flips the toggle for one org; returns its new state. */
	public boolean toggle(String orgId) {
		return byOrg.compute(orgId, (org, on) -> !(on == null ? everywhere : on));
	}

	/** Sets the toggle for every org at once (a reset, e.g. between tests). */
	public void set(boolean value) {
		everywhere = value;
		byOrg.clear();
	}

}
