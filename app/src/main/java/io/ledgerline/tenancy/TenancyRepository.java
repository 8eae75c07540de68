package io.ledgerline.tenancy;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TenancyRepository {

	private final JdbcClient jdbc;

	TenancyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserAccount> findUserByEmail(String email) {
		return jdbc.sql("SELECT id, email, display_name, password_hash, enabled FROM users WHERE email = ?")
			.param(email)
			.query((rs, n) -> new UserAccount(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
					rs.getString("password_hash"), rs.getBoolean("enabled")))
			.optional();
	}

	/**
	 * The user's memberships, in a stable order (org name) so the default org is
	 * predictable.
	 */
	List<Membership> membershipsOf(long userId) {
		return jdbc.sql("""
				SELECT m.org_id, o.name, m.role FROM memberships m JOIN orgs o ON o.id = m.org_id
				WHERE m.user_id = ? ORDER BY o.name, o.id""")
			.param(userId)
			.query((rs, n) -> new Membership(rs.getString("org_id"), rs.getString("name"),
					Role.fromDb(rs.getString("role"))))
			.list();
	}

}
