/**
 * tagcache: a tag-aware data cache on Caffeine, with no dependency on any framework.
 *
 * <p>
 * What a user meets: {@link io.ledgerline.tagcache.TagCache} (reads, the three
 * invalidation primitives, invocation scopes), {@link io.ledgerline.tagcache.CacheLife}
 * profiles, the {@link io.ledgerline.tagcache.Cached} result, and the plug points
 * {@link io.ledgerline.tagcache.CommitBinding},
 * {@link io.ledgerline.tagcache.InvalidationBus} and
 * {@link io.ledgerline.tagcache.InvalidationListener}. Everything else in this package is
 * package-private machinery.
 *
 * <p>
 * Test support ({@code io.ledgerline.tagcache.testing}: a manual clock, a manual
 * executor, a recording listener) ships in this module's {@code test-jar}.
 */
package io.ledgerline.tagcache;
