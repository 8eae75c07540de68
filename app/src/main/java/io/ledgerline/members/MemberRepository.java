package io.ledgerline.members;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ledgerline.tenancy.Role;

/** Seats of one org; every statement is scoped by the org. */
@Repository
class MemberRepository {

	private static final String SELECT_MEMBERS = """
			SELECT u.id, u.email, u.display_name, m.role
			FROM memberships m JOIN users u ON u.id = m.user_id
			""";

	private static final RowMapper<Member> MEMBER = (rs, n) -> new Member(rs.getLong("id"), rs.getString("email"),
			rs.getString("display_name"), Role.fromDb(rs.getString("role")));

	private final JdbcClient jdbc;

	MemberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Admins first, then by email. */
	List<Member> list(String orgId) {
		return jdbc
			.sql(SELECT_MEMBERS + "WHERE m.org_id = ? ORDER BY CASE m.role WHEN 'admin' THEN 0 ELSE 1 END, u.email")
			.param(orgId)
			.query(MEMBER)
			.list();
	}

	Optional<Member> find(String orgId, long userId) {
		return jdbc.sql(SELECT_MEMBERS + "WHERE m.org_id = ? AND m.user_id = ?")
			.params(orgId, userId)
			.query(MEMBER)
			.optional();
	}

	/**
	 * Locks the org's row until the transaction ends: seat changes of one org run one
	 * after another, so two admins demoting each other at once cannot leave it without an
	 * admin (each checks the rule only after the other committed).
	 */
	boolean lockOrg(String orgId) {
		return jdbc.sql("SELECT id FROM orgs WHERE id = ? FOR UPDATE")
			.param(orgId)
			.query(String.class)
			.optional()
			.isPresent();
	}

	int countAdmins(String orgId) {
		return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE org_id = ? AND role = 'admin'")
			.param(orgId)
			.query(Integer.class)
			.single();
	}

	void updateRole(String orgId, long userId, Role role) {
		jdbc.sql("UPDATE memberships SET role = ? WHERE org_id = ? AND user_id = ?")
			.params(role.dbValue(), orgId, userId)
			.update();
	}

	void delete(String orgId, long userId) {
		jdbc.sql("DELETE FROM memberships WHERE org_id = ? AND user_id = ?").params(orgId, userId).update();
	}

}
