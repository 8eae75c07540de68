package io.ledgerline.members;

/**
 * What a seat change did: the member as they are now (as they were, for a removal), and
 * whether anything changed (setting the role someone already has changes nothing).
 */
record MemberChange(Member member, boolean changed) {
}
