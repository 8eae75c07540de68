package io.ledgerline.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.ledgerline.config.Timestamps;

/**
 * Every statement is scoped by {@code org_id}: another org's ticket id is simply not
 * found.
 */
@Repository
class TicketRepository {

	private static final String COLUMNS = "id, org_id, ticket_no, title, body, status, created_at, updated_at";

	private final JdbcClient jdbc;

	TicketRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The org's newest {@code limit} tickets, newest first. */
	List<Ticket> newest(String orgId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE org_id = ? ORDER BY id DESC LIMIT ?")
			.params(orgId, limit)
			.query(TicketRepository::map)
			.list();
	}

	Optional<Ticket> find(String orgId, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE org_id = ? AND id = ?")
			.params(orgId, id)
			.query(TicketRepository::map)
			.optional();
	}

	/**
	 * Locks the row for the rest of the transaction, so two concurrent changes to one
	 * status serialize: the second sees the first's result and becomes a no-op.
	 */
	Optional<Ticket> lock(String orgId, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE org_id = ? AND id = ? FOR UPDATE")
			.params(orgId, id)
			.query(TicketRepository::map)
			.optional();
	}

	long insert(String orgId, NewTicket ticket, TicketStatus status, Instant now) {
		return insert(orgId, ticket, status, now, now);
	}

	/**
	 * Takes the org's next ticket number (bumping the counter locks the org row until the
	 * transaction ends, so concurrent creates in one org take turns) and inserts the
	 * ticket with it.
	 */
	long insert(String orgId, NewTicket ticket, TicketStatus status, Instant createdAt, Instant updatedAt) {
		jdbc.sql("UPDATE orgs SET last_ticket_no = last_ticket_no + 1 WHERE id = ?").param(orgId).update();
		long number = jdbc.sql("SELECT last_ticket_no FROM orgs WHERE id = ?").param(orgId).query(Long.class).single();
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO tickets (org_id, ticket_no, title, body, status, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(orgId, number, ticket.title(), ticket.body(), status.value(), Timestamps.toDb(createdAt),
					Timestamps.toDb(updatedAt))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	boolean updateStatus(String orgId, long id, TicketStatus status, Instant now) {
		return jdbc.sql("UPDATE tickets SET status = ?, updated_at = ? WHERE id = ? AND org_id = ?")
			.params(status.value(), Timestamps.toDb(now), id, orgId)
			.update() == 1;
	}

	boolean delete(String orgId, long id) {
		return jdbc.sql("DELETE FROM tickets WHERE id = ? AND org_id = ?").params(id, orgId).update() == 1;
	}

	private static Ticket map(ResultSet rs, int rowNum) throws SQLException {
		return new Ticket(rs.getLong("id"), rs.getString("org_id"), rs.getLong("ticket_no"), rs.getString("title"),
				rs.getString("body"), TicketStatus.parse(rs.getString("status")).orElseThrow(),
				Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"));
	}

}
