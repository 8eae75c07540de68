package io.ledgerline.tenancy;

/** A user's seat in one org. */
public record Membership(String orgId, String orgName, Role role) {
}
