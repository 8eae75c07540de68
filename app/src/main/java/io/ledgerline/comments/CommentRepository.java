package io.ledgerline.comments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ledgerline.config.Timestamps;

/**
 * Comments in keyset pages, newest first by (created_at, id); the index
 * {@code comments_thread_keyset} serves every page, the last of a long thread as cheaply
 * as the first.
 */
@Repository
class CommentRepository {

	private static final String SELECT = """
			SELECT c.id, c.org_id, c.invoice_id, c.author_id, u.display_name, c.body, c.created_at
			FROM comments c JOIN users u ON u.id = c.author_id
			""";

	private static final RowMapper<Comment> COMMENT = (rs, n) -> new Comment(rs.getObject("id", UUID.class),
			rs.getString("org_id"), rs.getLong("invoice_id"), rs.getLong("author_id"), rs.getString("display_name"),
			rs.getString("body"), Timestamps.fromDb(rs, "created_at"));

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} comments of the thread older than {@code after} (all, from the
	 * newest, when it is null).
	 */
	List<Comment> page(String orgId, long invoiceId, CommentCursor after, int limit) {
		if (after == null) {
			return jdbc.sql(SELECT + """
					WHERE c.org_id = ? AND c.invoice_id = ?
					ORDER BY c.created_at DESC, c.id DESC LIMIT ?""")
				.params(orgId, invoiceId, limit)
				.query(COMMENT)
				.list();
		}
		// The row comparison is what lets PostgreSQL start the index scan right at the
		// cursor.
		return jdbc.sql(SELECT + """
				WHERE c.org_id = ? AND c.invoice_id = ? AND (c.created_at, c.id) < (?, ?)
				ORDER BY c.created_at DESC, c.id DESC LIMIT ?""")
			.params(orgId, invoiceId, Timestamps.toDb(after.createdAt()), after.id(), limit)
			.query(COMMENT)
			.list();
	}

	long count(String orgId, long invoiceId) {
		return jdbc.sql("SELECT COUNT(*) FROM comments WHERE org_id = ? AND invoice_id = ?")
			.params(orgId, invoiceId)
			.query(Long.class)
			.single();
	}

	/** By id alone, whatever its org: callers decide what the caller may learn of it. */
	Optional<Comment> find(UUID id) {
		return jdbc.sql(SELECT + "WHERE c.id = ?").param(id).query(COMMENT).optional();
	}

	/**
	 * Inserts unless a comment with this id exists (a repeat, or a race with one):
	 * whether this call stored it.
	 */
	boolean insertIfAbsent(UUID id, String orgId, long invoiceId, long authorId, String body, Instant createdAt) {
		return jdbc.sql("""
				INSERT INTO comments (id, org_id, invoice_id, author_id, body, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(id, orgId, invoiceId, authorId, body, Timestamps.toDb(createdAt))
			.update() == 1;
	}

}
