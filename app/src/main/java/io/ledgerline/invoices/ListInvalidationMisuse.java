package io.ledgerline.invoices;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * TEACHING SURFACE, not a feature: the inspector's "misuse" toggle. When on, the edit
 * action invalidates the list with revalidateTag(…, "max") instead of updateTag, to show
 * what the wrong primitive does to the user who is waiting on the redirect (the list
 * shows the old amount while record and summary are fresh). Read by the edit action only;
 * always off outside the demo profile, where nothing can turn it on. Per org: one org's
 * demo never changes how another org's edits behave.
 */
@Component
public class ListInvalidationMisuse {

	private final ConcurrentHashMap<String, Boolean> byOrg = new ConcurrentHashMap<>();

	private volatile boolean everywhere;

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
