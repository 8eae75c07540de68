package io.ledgerline.tenancy;

import java.util.List;
import java.util.Optional;

import io.ledgerline.web.ForbiddenException;

/**
 * Who is acting, in which org, with which role: resolved on every request from the
 * session and the user's cached seats, which every membership change expires, so a
 * revoked role stops working on the next request.
 */
public record ActingUser(long userId, String email, String displayName, Membership active,
		List<Membership> memberships) {

	public String orgId() {
		return active.orgId();
	}

	public Role role() {
		return active.role();
	}

	public boolean isAdmin() {
		return active.role().isAtLeast(Role.ADMIN);
	}

	/**
	 * Throws unless the user is an admin of the active org; {@code what} completes "Only
	 * admins can …".
	 */
	public void requireAdmin(String what) {
		if (!isAdmin()) {
			throw new ForbiddenException("Only admins can " + what + ".");
		}
	}

	/**
	 * The same user acting in {@code orgId} with their role there, if they are a member
	 * of it (to show a form opened in that org back to them).
	 */
	public Optional<ActingUser> inOrg(String orgId) {
		return memberships.stream()
			.filter(m -> m.orgId().equals(orgId))
			.findFirst()
			.map(m -> new ActingUser(userId, email, displayName, m, memberships));
	}

}
