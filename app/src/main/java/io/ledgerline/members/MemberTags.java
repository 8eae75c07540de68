package io.ledgerline.members;

import java.util.List;

import io.ledgerline.caching.OrgTags;
import io.ledgerline.tenancy.UserTags;

/**
 * The only place the Members feature's cache tags and keys are written. A change to one
 * seat touches the org's member list and the seats of the user who holds it (the tenancy
 * feature owns that tag, as every request reads it).
 */
final class MemberTags {

	private MemberTags() {
	}

	/** The org's member list. */
	static String list(String orgId) {
		return OrgTags.prefix(orgId) + "members";
	}

	/** What a change to {@code email}'s seat in the org touches, as a unit. */
	static List<String> touchedBy(String orgId, String email) {
		return List.of(list(orgId), UserTags.user(email));
	}

	static String listKey(String orgId) {
		return "members:list:" + orgId;
	}

}
