package io.ledgerline.invoices;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * TEACHING SURFACE, not a feature: the inspector's "misuse" toggle. When on, the edit
 * action invalidates the list with revalidateTag(…, "max") instead of updateTag, to show
 * what the wrong primitive does to the user who is waiting on the redirect (the list
 * shows the old amount while record and summary are fresh). Read by the edit action only;
 * always off outside the demo profile, where nothing can turn it on.
 */
@Component
public class ListInvalidationMisuse {

	private final AtomicBoolean on = new AtomicBoolean();

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
