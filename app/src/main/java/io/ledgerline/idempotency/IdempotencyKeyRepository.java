package io.ledgerline.idempotency;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ledgerline.config.Timestamps;

/** The {@code idempotency_keys} table; every statement is scoped to one user and org. */
@Repository
class IdempotencyKeyRepository {

	/** What an earlier create with a key made. */
	record Stored(String kind, long resourceId) {
	}

	private final JdbcClient jdbc;

	IdempotencyKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The key's row if it was stored at or after {@code notBefore}. */
	Optional<Stored> find(long userId, String orgId, IdempotencyKey key, Instant notBefore) {
		return jdbc
			.sql("SELECT kind, resource_id FROM idempotency_keys"
					+ " WHERE user_id = ? AND org_id = ? AND idem_key = ? AND created_at >= ?")
			.params(userId, orgId, key.value(), Timestamps.toDb(notBefore))
			.query((rs, n) -> new Stored(rs.getString(1), rs.getLong(2)))
			.optional();
	}

	/**
	 * Stores the key with what its create made. A key already stored (by a request that
	 * committed first) fails on the primary key with a {@code DuplicateKeyException},
	 * which rolls the caller's whole transaction back.
	 */
	void insert(long userId, String orgId, IdempotencyKey key, String kind, long resourceId, Instant now) {
		jdbc.sql("INSERT INTO idempotency_keys (user_id, org_id, idem_key, kind, resource_id, created_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(userId, orgId, key.value(), kind, resourceId, Timestamps.toDb(now))
			.update();
	}

	/** Deletes the user's keys in the org stored before {@code cutoff}. */
	int prune(long userId, String orgId, Instant cutoff) {
		return jdbc.sql("DELETE FROM idempotency_keys WHERE user_id = ? AND org_id = ? AND created_at < ?")
			.params(userId, orgId, Timestamps.toDb(cutoff))
			.update();
	}

}
