/**
 * tagcache-jdbc: a durable invalidation journal for {@code tagcache} on plain JDBC, for
 * several instances sharing one database and one Redis.
 *
 * <p>
 * The public API: {@link io.ledgerline.tagcache.jdbc.InvalidationJournal} (the table, on
 * a {@code DataSource} and the writer's
 * {@link io.ledgerline.tagcache.jdbc.JournalConnections connections}),
 * {@link io.ledgerline.tagcache.jdbc.JournalRecorder} (the cache's
 * {@code InvalidationRecorder}, telling
 * {@link io.ledgerline.tagcache.jdbc.PositionListener}s what it wrote),
 * {@link io.ledgerline.tagcache.jdbc.JournalFollower} (the cache's
 * {@code InvalidationBus}: the Redis bus plus what the journal has that Redis lost, with
 * its {@link io.ledgerline.tagcache.jdbc.JournalGaps} counts),
 * {@link io.ledgerline.tagcache.jdbc.JournalPruner} (the retention window) and
 * {@link io.ledgerline.tagcache.jdbc.JournalException}. Each is made by a builder or a
 * static factory; rows, positions and prune batches are package-private. The schema is in
 * {@code META-INF/tagcache/jdbc/schema.sql} (PostgreSQL and H2).
 */
package io.ledgerline.tagcache.jdbc;
