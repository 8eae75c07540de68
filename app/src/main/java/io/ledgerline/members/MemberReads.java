package io.ledgerline.members;

import java.util.List;

import org.springframework.stereotype.Service;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.ActingUser;

/**
 * The org's member list: authorize, then the cache, then the repository. Every seat
 * change expires it ({@link MemberTags#touchedBy}).
 */
@Service
class MemberReads {

	/** As the acting user's own seats, which show the same roles. */
	private static final CacheLife LIFE = CacheLife.MINUTES;

	private final TagCache cache;

	private final MemberRepository members;

	MemberReads(TagCache cache, MemberRepository members) {
		this.cache = cache;
		this.members = members;
	}

	Cached<MemberList> list(ActingUser actor) {
		actor.requireAdmin(MemberService.WHAT);
		String orgId = actor.orgId();
		return cache.get(MemberTags.listKey(orgId), List.of(MemberTags.list(orgId)), LIFE,
				() -> new MemberList(members.list(orgId)));
	}

}
