package io.ledgerline.tenancy;

import java.util.Locale;

/** A user's role in one org. Ordered: every admin may do what a member may. */
public enum Role {

	MEMBER, ADMIN;

	public static Role fromDb(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isAtLeast(Role other) {
		return compareTo(other) >= 0;
	}

}
