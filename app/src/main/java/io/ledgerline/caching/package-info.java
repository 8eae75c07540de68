/**
 * The app's side of {@code tagcache}: the cache bean, commit-bound invalidation through
 * Spring's transaction synchronization, the action scope opened for users' mutation
 * requests, the persisted invalidation log and the Micrometer metrics.
 */
package io.ledgerline.caching;
