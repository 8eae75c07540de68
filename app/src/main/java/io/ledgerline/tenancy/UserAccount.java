package io.ledgerline.tenancy;

/** A user row as the login and tenancy code need it. */
record UserAccount(long id, String email, String displayName, String passwordHash, boolean enabled) {
}
