/**
 * tagcache: a tag-aware data cache on Caffeine, with no dependency on any framework.
 *
 * <p>
 * The public API, every public type of this package (21), in three rings:
 * <ul>
 * <li>Using a cache: {@link TagCache} (reads, the three invalidation primitives,
 * invocation scopes, stats), built by {@link TagCacheBuilder}; what a read returns,
 * {@link Cached}; how long a value lives, {@link CacheLife}; how far a path invalidation
 * reaches, {@link PathScope}; the counters, {@link CacheStats}; a value's size for a
 * weight-bounded cache, {@link Weighable}. Who is invalidating: {@link InvocationSource}
 * and the thread-bound {@link InvocationScope}.
 * <li>Plug points for the application: {@link InvalidationListener} receives an
 * {@link InvalidationEvent} naming its {@link Primitive}; {@link CommitBinding} decides
 * when invalidations run; {@link InvalidationRecorder} with its
 * {@link InvalidationIntent} keeps a durable record of them.
 * <li>Plug points for a cluster, public so that code outside this module can implement
 * them: {@link InvalidationBus} carrying {@link TagInvalidation} messages, and
 * {@link RefreshCoordinator} handing out {@link SharedRefresh} results. In process,
 * {@link LocalInvalidationBus} and {@link LocalRefreshCoordinator} serve several caches
 * of one JVM; on Redis, the {@code tagcache-redis} module; the application's journal
 * follower is a bus of its own that replays its rows as {@code TagInvalidation}s. Code
 * that only uses a cache never touches these message types.
 * </ul>
 * Everything else is package-private machinery, free to change: the entries and their
 * status ({@code Entry}), tag epochs ({@code TagState}, {@code TagSnapshot}),
 * single-flight loads ({@code Load}), background refreshes ({@code Refresher}), the
 * counters ({@code StatsCounter}), name checks ({@code Names}), time arithmetic
 * ({@code Nanos}) and the thread-bound source ({@code Scopes}).
 *
 * <p>
 * Test support ({@code io.ledgerline.tagcache.testing}: a manual clock, a manual
 * executor, a recording listener) ships in this module's {@code test-jar}.
 */
package io.ledgerline.tagcache;
