package io.ledgerline.tagcache.testing;

import io.ledgerline.tagcache.InvalidationEvent;
import io.ledgerline.tagcache.InvalidationListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link InvalidationListener} that keeps every event it is told about, in order.
 * Thread-safe.
 */
public final class RecordingListener implements InvalidationListener {

	private final List<InvalidationEvent> events = new CopyOnWriteArrayList<>();

	@Override
	public void onInvalidation(InvalidationEvent event) {
		events.add(event);
	}

	/** A snapshot of the events so far. */
	public List<InvalidationEvent> events() {
		return List.copyOf(events);
	}

}
