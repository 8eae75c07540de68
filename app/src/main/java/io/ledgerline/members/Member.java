package io.ledgerline.members;

import io.ledgerline.tenancy.Role;

/** A user's seat in one org, as the Members page shows it. */
record Member(long userId, String email, String displayName, Role role) {

	boolean isAdmin() {
		return role.isAtLeast(Role.ADMIN);
	}

}
