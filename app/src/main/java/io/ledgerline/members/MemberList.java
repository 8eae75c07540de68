package io.ledgerline.members;

import java.util.List;

import io.ledgerline.tagcache.Weighable;

/** An org's members, as cached: weighed by what they hold, for the cache's budget. */
record MemberList(List<Member> members) implements Weighable {

	MemberList {
		members = List.copyOf(members);
	}

	@Override
	public int estimatedBytes() {
		int bytes = 64;
		for (Member member : members) {
			bytes += 96 + 2 * (member.email().length() + member.displayName().length());
		}
		return bytes;
	}

}
