package io.ledgerline.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The request threads that may wait for a body still on its way: a few per client address
 * and a few in all, so slow senders can never hold every thread. Taken without waiting: a
 * thread that queued for a slot would be held by the slow sender all the same.
 */
final class SlowBodySlots {

	private final int perAddress;

	private final int total;

	private final Map<String, Integer> heldByAddress = new HashMap<>();

	private int held;

	SlowBodySlots(int perAddress, int total) {
		this.perAddress = perAddress;
		this.total = total;
	}

	/** A slot for {@code address}, or {@code false} at once if it has none left. */
	synchronized boolean tryTake(String address) {
		int ofAddress = heldByAddress.getOrDefault(address, 0);
		if (held >= total || ofAddress >= perAddress) {
			return false;
		}
		heldByAddress.put(address, ofAddress + 1);
		held++;
		return true;
	}

	synchronized void release(String address) {
		heldByAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
		held--;
	}

	synchronized int held() {
		return held;
	}

}
