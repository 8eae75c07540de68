package io.ledgerline.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Spring Session JDBC's two tables ({@code spring_session}, one row per session, and
 * {@code spring_session_attributes}, one row per attribute), read and written in the
 * shape its own repository uses, so sessions survive a switch between the two.
 */
class SessionRows {

	private final JdbcClient jdbc;

	SessionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A session as stored: its attributes still serialized. */
	record Row(String primaryId, String id, Instant createdAt, Instant lastAccessedAt, Duration maxInactive,
			Map<String, byte[]> attributes) {
	}

	/** The session and its attributes, in one statement. */
	Optional<Row> find(String id) {
		List<Object[]> rows = jdbc.sql("""
				SELECT s.primary_id, s.creation_time, s.last_access_time, s.max_inactive_interval,
				       a.attribute_name, a.attribute_bytes
				FROM spring_session s
				LEFT JOIN spring_session_attributes a ON a.session_primary_id = s.primary_id
				WHERE s.session_id = ?""")
			.param(id)
			.query((rs,
					n) -> new Object[] { rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
							rs.getBytes(6) })
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Object[] first = rows.get(0);
		Map<String, byte[]> attributes = new LinkedHashMap<>();
		for (Object[] row : rows) {
			if (row[4] != null) {
				attributes.put((String) row[4], (byte[]) row[5]);
			}
		}
		return Optional.of(new Row(((String) first[0]).trim(), id, Instant.ofEpochMilli((Long) first[1]),
				Instant.ofEpochMilli((Long) first[2]), Duration.ofSeconds((Integer) first[3]), attributes));
	}

	void insert(Row row, String principalName) {
		jdbc.sql("""
				INSERT INTO spring_session (primary_id, session_id, creation_time, last_access_time,
				                            max_inactive_interval, expiry_time, principal_name)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(row.primaryId(), row.id(), row.createdAt().toEpochMilli(), row.lastAccessedAt().toEpochMilli(),
					(int) row.maxInactive().toSeconds(), expiry(row.lastAccessedAt(), row.maxInactive()), principalName)
			.update();
		for (Map.Entry<String, byte[]> attribute : row.attributes().entrySet()) {
			insertAttribute(row.primaryId(), attribute.getKey(), attribute.getValue());
		}
	}

	/**
	 * What one save of an existing session changes: {@code newId} and {@code maxInactive}
	 * stay as they are when {@code null}; the principal name is written with the
	 * attributes it is derived from.
	 */
	record Change(String newId, Duration maxInactive, Instant lastAccessedAt, Map<String, byte[]> set,
			List<String> removed, String principalName) {

		boolean changesAttributes() {
			return !set.isEmpty() || !removed.isEmpty();
		}

	}

	/**
	 * Applies a change in the caller's transaction. The session's row is updated first,
	 * which locks it, so two saves of one session that add the same attribute take turns
	 * (the second updates what the first inserted) instead of colliding on the
	 * attributes' primary key.
	 * @return false if the session is gone (signed out or expired meanwhile): nothing is
	 * written
	 */
	boolean update(String primaryId, Change change) {
		StringBuilder sql = new StringBuilder(
				"UPDATE spring_session SET last_access_time = GREATEST(last_access_time, ?)");
		List<Object> params = new ArrayList<>(List.of(change.lastAccessedAt().toEpochMilli()));
		if (change.newId() != null) {
			sql.append(", session_id = ?");
			params.add(change.newId());
		}
		if (change.maxInactive() != null) {
			sql.append(", max_inactive_interval = ?, expiry_time = ?");
			params.add((int) change.maxInactive().toSeconds());
			params.add(expiry(change.lastAccessedAt(), change.maxInactive()));
		}
		else {
			sql.append(", expiry_time = GREATEST(last_access_time, ?) + max_inactive_interval * CAST(1000 AS BIGINT)");
			params.add(change.lastAccessedAt().toEpochMilli());
		}
		if (change.changesAttributes()) {
			sql.append(", principal_name = ?");
			params.add(change.principalName());
		}
		sql.append(" WHERE primary_id = ?");
		params.add(primaryId);
		if (jdbc.sql(sql.toString()).params(params).update() == 0) {
			return false;
		}
		for (Map.Entry<String, byte[]> attribute : change.set().entrySet()) {
			int updated = jdbc.sql("""
					UPDATE spring_session_attributes SET attribute_bytes = ?
					WHERE session_primary_id = ? AND attribute_name = ?""")
				.params(attribute.getValue(), primaryId, attribute.getKey())
				.update();
			if (updated == 0) {
				insertAttribute(primaryId, attribute.getKey(), attribute.getValue());
			}
		}
		for (String name : change.removed()) {
			jdbc.sql("DELETE FROM spring_session_attributes WHERE session_primary_id = ? AND attribute_name = ?")
				.params(primaryId, name)
				.update();
		}
		return true;
	}

	/**
	 * Moves the last access (and the expiry with it) forward, never back: another
	 * instance may have written a later one.
	 */
	void touch(String primaryId, Instant lastAccessedAt, Duration maxInactive) {
		jdbc.sql("""
				UPDATE spring_session SET last_access_time = ?, expiry_time = ?
				WHERE primary_id = ? AND last_access_time < ?""")
			.params(lastAccessedAt.toEpochMilli(), expiry(lastAccessedAt, maxInactive), primaryId,
					lastAccessedAt.toEpochMilli())
			.update();
	}

	/** Deletes the session and, by the foreign key's cascade, its attributes. */
	int delete(String id) {
		return jdbc.sql("DELETE FROM spring_session WHERE session_id = ?").param(id).update();
	}

	int deleteExpired(Instant now, int limit) {
		List<String> expired = jdbc.sql("SELECT primary_id FROM spring_session WHERE expiry_time < ? LIMIT ?")
			.params(now.toEpochMilli(), limit)
			.query(String.class)
			.list();
		if (expired.isEmpty()) {
			return 0;
		}
		return jdbc.sql("DELETE FROM spring_session WHERE primary_id IN (:ids) AND expiry_time < :now")
			.param("ids", expired)
			.param("now", now.toEpochMilli())
			.update();
	}

	private void insertAttribute(String primaryId, String name, byte[] bytes) {
		jdbc.sql("""
				INSERT INTO spring_session_attributes (session_primary_id, attribute_name, attribute_bytes)
				VALUES (?, ?, ?)""").params(primaryId, name, bytes).update();
	}

	private static long expiry(Instant lastAccessedAt, Duration maxInactive) {
		return lastAccessedAt.plus(maxInactive).toEpochMilli();
	}

}
