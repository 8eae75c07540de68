/**
 * An org's members and their roles, for the org's admins: the Members page lists them,
 * changes a role and removes a seat. {@link io.ledgerline.members.MemberService} is the
 * feature's entry point: each change locks the org, re-checks the actor's role and the
 * last-admin rule in its transaction, audits, and expires the member's cached seats and
 * the org's member list after the commit ({@link io.ledgerline.members.MemberTags}), so
 * the change counts from the member's next request on every instance.
 */
package io.ledgerline.members;
