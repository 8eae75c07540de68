package io.ledgerline.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.ledgerline.tenancy.Username;

/**
 * Failed sign-ins counted per account and per client address over a sliding window
 * (Caffeine expires a counter {@link #WINDOW} after its last failure, on the app's
 * clock). Once either count reaches its limit, sign-in is refused for that account or
 * address, even with the right password, until the window has passed without a new
 * failure. In memory, per instance: the limits are per instance too.
 *
 * <p>
 * An account is counted by its {@link Username}, the normal form the user lookup signs in
 * with, so no other spelling of the same account (case, spaces, full-width letters) gets
 * fresh tries.
 */
final class LoginThrottle {

	static final int ACCOUNT_LIMIT = 5;

	static final int ADDRESS_LIMIT = 30;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final String MESSAGE = "Too many failed sign-ins for this account or from this address. Wait "
			+ WINDOW.toMinutes() + " minutes and try again.";

	private final Cache<Username, AtomicInteger> accounts;

	private final Cache<String, AtomicInteger> addresses;

	LoginThrottle(Clock clock) {
		this.accounts = counters(clock);
		this.addresses = counters(clock);
	}

	private static <K> Cache<K, AtomicInteger> counters(Clock clock) {
		return Caffeine.newBuilder()
			.ticker(() -> clock.millis() * 1_000_000L)
			.expireAfterWrite(WINDOW)
			.maximumSize(100_000)
			.executor(Runnable::run)
			.build();
	}

	/**
	 * @param account null when the attempt names no possible account (only the address
	 * counts then)
	 */
	boolean refused(Username account, String address) {
		return count(accounts, account) >= ACCOUNT_LIMIT || count(addresses, address) >= ADDRESS_LIMIT;
	}

	void failed(Username account, String address) {
		bump(accounts, account);
		bump(addresses, address);
	}

	/** A right password clears the account's count (not the address's). */
	void succeeded(Username account) {
		accounts.invalidate(account);
	}

	private static <K> int count(Cache<K, AtomicInteger> counters, K key) {
		AtomicInteger count = key == null ? null : counters.getIfPresent(key);
		return count == null ? 0 : count.get();
	}

	private static <K> void bump(Cache<K, AtomicInteger> counters, K key) {
		if (key == null) {
			return;
		}
		// Re-put so expireAfterWrite restarts the window at every failure.
		counters.asMap().compute(key, (k, count) -> {
			AtomicInteger next = count == null ? new AtomicInteger() : count;
			next.incrementAndGet();
			return next;
		});
	}

}
