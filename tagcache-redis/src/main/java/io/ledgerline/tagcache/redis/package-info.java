/**
 * tagcache-redis: the cluster plug points of {@code tagcache} on Redis (Lettuce).
 *
 * <p>
 * The public API: {@link RedisInvalidationBus} (with its builder and
 * {@code StateListener}), {@link RedisRefreshCoordinator} (with its builder and its
 * {@code Counts}) and {@link ValueCodec}, which says how a shared refresh's value
 * travels. Everything else is package-private: the settings both builders share
 * ({@code RedisSettings}, whose setters are public on each builder), the client setup
 * ({@code LettuceClient}), the bus's connection states ({@code ConnectionState}, with the
 * state table) and Lua scripts ({@code BusScripts}), the wire forms
 * ({@code MessageCodec}, {@code RefreshWire}) and the one loop that tells subscribers,
 * listeners and receivers ({@code Subscribers}).
 */
package io.ledgerline.tagcache.redis;
