/**
 * tagcache: a tag-aware data cache on Caffeine, with no dependency on any framework.
 *
 * <p>
 * The public API, every public type of this package:
 * <ul>
 * <li>Reading: {@link io.ledgerline.tagcache.TagCache} (reads, the three invalidation
 * primitives, invocation scopes, stats), built by
 * {@link io.ledgerline.tagcache.TagCacheBuilder}; what a read returns,
 * {@link io.ledgerline.tagcache.Cached}; how long a value lives,
 * {@link io.ledgerline.tagcache.CacheLife}; how far a path invalidation reaches,
 * {@link io.ledgerline.tagcache.PathScope}; the counters,
 * {@link io.ledgerline.tagcache.CacheStats}; a value's size for a weight-bounded cache,
 * {@link io.ledgerline.tagcache.Weighable}.
 * <li>Who is invalidating: {@link io.ledgerline.tagcache.InvocationSource} and the
 * thread-bound {@link io.ledgerline.tagcache.InvocationScope}.
 * <li>Being told: {@link io.ledgerline.tagcache.InvalidationListener} receives an
 * {@link io.ledgerline.tagcache.InvalidationEvent} naming its
 * {@link io.ledgerline.tagcache.Primitive}.
 * <li>Plug points for the application: {@link io.ledgerline.tagcache.CommitBinding} (when
 * invalidations run), {@link io.ledgerline.tagcache.InvalidationRecorder} with its
 * {@link io.ledgerline.tagcache.InvalidationIntent} (a durable record of them).
 * <li>Plug points for a cluster: {@link io.ledgerline.tagcache.InvalidationBus} carrying
 * {@link io.ledgerline.tagcache.TagInvalidation} messages
 * ({@link io.ledgerline.tagcache.LocalInvalidationBus} in-process), and
 * {@link io.ledgerline.tagcache.RefreshCoordinator} handing out
 * {@link io.ledgerline.tagcache.SharedRefresh} results
 * ({@link io.ledgerline.tagcache.LocalRefreshCoordinator} in-process). Redis
 * implementations are in the {@code tagcache-redis} module.
 * </ul>
 * Everything else is package-private machinery: the entries and their status
 * ({@code Entry}), tag epochs ({@code TagState}, {@code TagSnapshot}), single-flight
 * loads ({@code Load}), the counters ({@code StatsCounter}), name checks ({@code Names}),
 * time arithmetic ({@code Nanos}) and the thread-bound source ({@code Scopes}).
 *
 * <p>
 * Test support ({@code io.ledgerline.tagcache.testing}: a manual clock, a manual
 * executor, a recording listener) ships in this module's {@code test-jar}.
 */
package io.ledgerline.tagcache;
