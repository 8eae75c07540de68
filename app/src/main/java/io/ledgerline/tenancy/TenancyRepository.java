package io.ledgerline.tenancy;

import java.util.List;
import java.util.Objects;
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
	 * The signed-in user with their memberships in one round trip (what {@link UserSeats}
	 * caches), memberships in a stable order (org name) so the default org is
	 * predictable; a user without any membership comes back with an empty list.
	 */
	Optional<UserMemberships> findMemberships(String email) {
		List<SeatRow> rows = jdbc.sql("""
				SELECT u.id, u.email, u.display_name, m.org_id, o.name, m.role
				FROM users u LEFT JOIN memberships m ON m.user_id = u.id LEFT JOIN orgs o ON o.id = m.org_id
				WHERE u.email = ? ORDER BY o.name, o.id""")
			.param(email)
			.query((rs, n) -> new SeatRow(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
					rs.getString("org_id") == null ? null
							: new Membership(rs.getString("org_id"), rs.getString("name"),
									Role.fromDb(rs.getString("role")))))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		SeatRow user = rows.get(0);
		List<Membership> memberships = rows.stream().map(SeatRow::membership).filter(Objects::nonNull).toList();
		return Optional.of(new UserMemberships(user.id(), user.email(), user.displayName(), memberships));
	}

	/** One row of the join: the user, and one membership or none. */
	private record SeatRow(long id, String email, String displayName, Membership membership) {
	}

	/** A user and their seats, as the per-request resolution needs them (cached). */
	record UserMemberships(long id, String email, String displayName, List<Membership> memberships) {
	}

}
