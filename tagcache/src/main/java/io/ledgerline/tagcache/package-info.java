/**
 * tagcache: a tag-aware data cache on Caffeine, with no dependency on any framework.
 *
 * <p>
 * The public API, every public type of this package:
 * <ul>
 * <li>Reading: {@link TagCache} (reads, the three invalidation primitives, invocation
 * scopes, stats), built by {@link TagCacheBuilder}; what a read returns, {@link Cached};
 * how long a value lives, {@link CacheLife}; how far a path invalidation reaches,
 * {@link PathScope}; the counters, {@link CacheStats}; a value's size for a
 * weight-bounded cache, {@link Weighable}.
 * <li>Who is invalidating: {@link InvocationSource} and the thread-bound
 * {@link InvocationScope}.
 * <li>Being told: {@link InvalidationListener} receives an {@link InvalidationEvent}
 * naming its {@link Primitive}.
 * <li>Plug points for the application: {@link CommitBinding} (when invalidations run),
 * {@link InvalidationRecorder} with its {@link InvalidationIntent} (a durable record of
 * them).
 * <li>Plug points for a cluster: {@link InvalidationBus} carrying {@link TagInvalidation}
 * messages ({@link LocalInvalidationBus} in-process), and {@link RefreshCoordinator}
 * handing out {@link SharedRefresh} results ({@link LocalRefreshCoordinator} in-process).
 * Redis implementations are in the {@code tagcache-redis} module.
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
