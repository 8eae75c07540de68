package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.ledgerline.tagcache.InvalidationEvent;
import io.ledgerline.tagcache.InvalidationListener;

/**
 * The latest invalidations this instance performed, newest first, for the Actuator
 * endpoint. Bounded: it keeps the last {@code capacity} and forgets the rest.
 */
final class RecentInvalidations implements InvalidationListener {

	private final int capacity;

	private final Deque<InvalidationEvent> events;

	RecentInvalidations(int capacity) {
		if (capacity < 0) {
			throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
		}
		this.capacity = capacity;
		this.events = new ArrayDeque<>(capacity);
	}

	@Override
	public synchronized void onInvalidation(InvalidationEvent event) {
		if (capacity == 0) {
			return;
		}
		if (events.size() == capacity) {
			events.removeLast();
		}
		events.addFirst(event);
	}

	/** Newest first. */
	synchronized List<InvalidationEvent> latest() {
		return new ArrayList<>(events);
	}

}
