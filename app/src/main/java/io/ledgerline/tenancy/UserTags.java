package io.ledgerline.tenancy;

/**
 * The only place the acting user's cache tag and key are written. A user's seats (their
 * memberships, with each org's name and their role there) are cached under the user's
 * tag, so a change to any of their seats, in whichever org, expires exactly that user's
 * entry. Both are keyed by the {@link Username} normal form, the one the sign-in uses, so
 * every spelling that signs in as an account reads and invalidates one entry.
 */
public final class UserTags {

	private UserTags() {
	}

	/** Everything cached about one user's seats. */
	public static String user(String email) {
		return "user:" + normal(email);
	}

	static String seatsKey(String email) {
		return "tenancy:seats:" + normal(email);
	}

	/**
	 * The normal form; text that cannot name an account is kept as it is (it reaches no
	 * account, so it shares an entry with none).
	 */
	static String normal(String email) {
		return Username.parse(email).map(Username::value).orElse(email);
	}

}
