package io.ledgerline.tenancy;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.TagCache;

/**
 * A signed-in user with their seats, as every request resolves them: a cached read under
 * the user's tag ({@link UserTags}), so a request for cached pages asks the database
 * nothing about who is acting. Every change to a seat (the Members page) expires the
 * user's tag after its commit, on every instance (the cache's bus), so a removed seat or
 * a changed role counts from the next request.
 */
@Component
class UserSeats {

	/**
	 * Only a change made outside the app (SQL by hand) is not announced; this bounds how
	 * long it goes unseen: after a minute the entry is refreshed in the background, and
	 * after an hour it is not served at all.
	 */
	static final CacheLife LIFE = CacheLife.MINUTES;

	private final TagCache cache;

	private final TenancyRepository repository;

	UserSeats(TagCache cache, TenancyRepository repository) {
		this.cache = cache;
		this.repository = repository;
	}

	/**
	 * The account signed in as {@code email} with its seats, or empty when there is no
	 * such account (not cached: an account created later is found at once).
	 */
	Optional<TenancyRepository.UserMemberships> find(String email) {
		try {
			return Optional
				.of(cache.get(UserTags.seatsKey(email), List.of(UserTags.user(email)), LIFE, () -> load(email))
					.value());
		}
		catch (NoSuchAccount none) {
			return Optional.empty();
		}
	}

	private TenancyRepository.UserMemberships load(String email) {
		return this.repository.findMemberships(UserTags.normal(email)).orElseThrow(() -> NoSuchAccount.INSTANCE);
	}

	/**
	 * Thrown out of the loader so that the cache stores nothing for a missing account.
	 */
	private static final class NoSuchAccount extends RuntimeException {

		private static final long serialVersionUID = 1L;

		static final NoSuchAccount INSTANCE = new NoSuchAccount();

		private NoSuchAccount() {
			super("no such account", null, false, false);
		}

	}

}
