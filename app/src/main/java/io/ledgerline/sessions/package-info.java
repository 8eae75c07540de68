/**
 * Shared sessions for the {@code cluster} profile: the database is their store of record
 * (Spring Session JDBC's tables), each instance serves them from memory (the tag cache),
 * and a change is announced over the cache's bus and journal so every instance drops its
 * copy. Nothing here is active on a single instance, which keeps in-memory sessions.
 */
package io.ledgerline.sessions;
