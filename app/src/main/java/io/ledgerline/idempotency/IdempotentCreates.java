package io.ledgerline.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ValidationException;

/**
 * Runs a create at most once per key: the first request with a key creates and stores the
 * key with what it made, in the create's own transaction; every later request with the
 * key (sequential, or racing the first) answers with that resource and creates nothing.
 *
 * <p>
 * The database decides a race, not a check: two requests that both find no key both
 * create, and the second one's insert of the key fails on the primary key, which rolls
 * back its whole transaction (its invoice, number, summary delta and audit row with it);
 * it then reads the first one's committed row. Keys are scoped to the user and the active
 * org, kept {@link #RETENTION}, and a user's expired keys in an org are deleted by their
 * next create there, so the table holds at most the keyed creates of the last
 * {@link #RETENTION} of each user.
 */
@Service
public class IdempotentCreates {

	/**
	 * At least a day, as the contract promises; twice that for clients that retry late.
	 */
	public static final Duration RETENTION = Duration.ofHours(48);

	private final IdempotencyKeyRepository keys;

	private final TransactionTemplate transaction;

	private final Clock clock;

	IdempotentCreates(IdempotencyKeyRepository keys, PlatformTransactionManager transactions, Clock clock) {
		this.keys = keys;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * What a create answers: what it made now, or what an earlier request with the same
	 * key made ({@code replayed}).
	 */
	public record Outcome<T>(T value, boolean replayed) {
	}

	/**
	 * Creates with {@code create} (which runs inside the transaction this opens), unless
	 * {@code key} was used before by this user in this org. Without a key it simply
	 * creates, as a create did before keys existed.
	 * @param kind what the create makes ({@code invoice}, {@code ticket}): a key used for
	 * another kind is refused (422)
	 * @param idOf the id of what {@code create} made
	 * @param find reads what an earlier create made, by its id
	 */
	public <T> Outcome<T> once(ActingUser actor, String kind, Optional<IdempotencyKey> key, Supplier<T> create,
			ToLongFunction<T> idOf, LongFunction<T> find) {
		if (key.isEmpty()) {
			return new Outcome<>(this.transaction.execute(status -> create.get()), false);
		}
		return once(actor, kind, key.get(), create, idOf, find);
	}

	private <T> Outcome<T> once(ActingUser actor, String kind, IdempotencyKey key, Supplier<T> create,
			ToLongFunction<T> idOf, LongFunction<T> find) {
		Optional<T> earlier = earlier(actor, kind, key, find);
		if (earlier.isPresent()) {
			return new Outcome<>(earlier.get(), true);
		}
		try {
			T made = this.transaction.execute(status -> {
				T value = create.get();
				Instant now = this.clock.instant();
				this.keys.prune(actor.userId(), actor.orgId(), now.minus(RETENTION));
				this.keys.insert(actor.userId(), actor.orgId(), key, kind, idOf.applyAsLong(value), now);
				return value;
			});
			return new Outcome<>(made, false);
		}
		catch (DuplicateKeyException race) {
			// Another request with this key committed first; this one rolled back whole.
			return new Outcome<>(earlier(actor, kind, key, find).orElseThrow(() -> race), true);
		}
	}

	private <T> Optional<T> earlier(ActingUser actor, String kind, IdempotencyKey key, LongFunction<T> find) {
		Instant notBefore = this.clock.instant().minus(RETENTION);
		return this.keys.find(actor.userId(), actor.orgId(), key, notBefore).map(stored -> {
			if (!stored.kind().equals(kind)) {
				throw new ValidationException(Map.of(IdempotencyKey.FIELD, "This key was already used to create a "
						+ stored.kind() + "; send a new key for each create."));
			}
			return find.apply(stored.resourceId());
		});
	}

}
