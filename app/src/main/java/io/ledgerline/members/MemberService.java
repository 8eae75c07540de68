package io.ledgerline.members;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ledgerline.audit.AuditLog;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.tenancy.Role;
import io.ledgerline.web.ForbiddenException;
import io.ledgerline.web.NotFoundException;

/**
 * Changes to the seats of the actor's org. Each one, in one transaction: locks the org,
 * re-checks under that lock that the actor is still its admin and that the org keeps an
 * admin, writes, audits, and asks for the invalidation of the member's seats and the
 * org's list, which the cache's commit binding runs after the commit (and drops on a
 * rollback). A refused change writes, audits and invalidates nothing.
 */
@Service
class MemberService {

	/** Completes "Only admins can …". */
	static final String WHAT = "manage the organisation's members";

	private final MemberRepository members;

	private final AuditLog audit;

	private final TagCache cache;

	MemberService(MemberRepository members, AuditLog audit, TagCache cache) {
		this.members = members;
		this.audit = audit;
		this.cache = cache;
	}

	@Transactional
	public MemberChange changeRole(ActingUser actor, long userId, Role role) {
		Member member = lockAndFind(actor, userId);
		if (member.role() == role) {
			return new MemberChange(member, false);
		}
		if (member.isAdmin() && !role.isAtLeast(Role.ADMIN)) {
			requireAnotherAdmin(actor.orgId(), member, "made a member");
		}
		members.updateRole(actor.orgId(), userId, role);
		audit.record(actor.orgId(), actor.userId(), "member.role", "user", Long.toString(userId),
				member.email() + ": " + member.role().dbValue() + " -> " + role.dbValue());
		cache.updateTags(MemberTags.touchedBy(actor.orgId(), member.email()));
		return new MemberChange(new Member(userId, member.email(), member.displayName(), role), true);
	}

	@Transactional
	public MemberChange remove(ActingUser actor, long userId) {
		Member member = lockAndFind(actor, userId);
		if (member.isAdmin()) {
			requireAnotherAdmin(actor.orgId(), member, "removed");
		}
		members.delete(actor.orgId(), userId);
		audit.record(actor.orgId(), actor.userId(), "member.remove", "user", Long.toString(userId),
				member.email() + " removed (was " + member.role().dbValue() + ")");
		cache.updateTags(MemberTags.touchedBy(actor.orgId(), member.email()));
		return new MemberChange(member, true);
	}

	/**
	 * The member to change, after the org's lock and a fresh look at the actor's own
	 * seat: a demotion committed since this request resolved its user counts here.
	 */
	private Member lockAndFind(ActingUser actor, long userId) {
		actor.requireAdmin(WHAT);
		String orgId = actor.orgId();
		if (!members.lockOrg(orgId) || members.find(orgId, actor.userId()).filter(Member::isAdmin).isEmpty()) {
			throw new ForbiddenException("Only admins can " + WHAT + ".");
		}
		return members.find(orgId, userId)
			.orElseThrow(() -> new NotFoundException("There is no member " + userId + " in this organisation."));
	}

	private void requireAnotherAdmin(String orgId, Member member, String change) {
		if (members.countAdmins(orgId) <= 1) {
			throw new LastAdminException(member, change);
		}
	}

}
