package io.ledgerline.inspector;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * does not exist and the edit uses the exact step.
 */
@Component
@Profile("demo")
public class ListInvalidationMisuse implements InvoiceInvalidationStep {

	private final AtomicBoolean on = new AtomicBoolean();

	@Override
	public void invalidate(TagCache cache, String orgId, long invoiceId) {
		if (!on.get()) {
			EXACT.invalidate(cache, orgId, invoiceId);
			return;
		}
		// Deliberately wrong: stale-while-revalidate for the list the user is about to be
		// shown, so the redirect shows the old amount.
		cache.revalidateTag(InvoiceTags.list(orgId), "max");
		cache.updateTags(List.of(InvoiceTags.record(orgId, invoiceId), InvoiceTags.summary(orgId)));
	}

	public boolean isOn() {
		return on.get();
	}

	public boolean toggle() {
		boolean previous;
		do {
			previous = on.get();
		}
		while (!on.compareAndSet(previous, !previous));
		return !previous;
	}

	public void set(boolean value) {
		on.set(value);
	}

}
