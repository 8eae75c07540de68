/**
 * tagcache-redis: the cluster plug points of {@code tagcache} on Redis (Lettuce).
 *
 * <p>
 * The public API: {@link RedisInvalidationBus} (with its builder and
 * {@code StateListener}), {@link RedisRefreshCoordinator} (with its builder) and
 * {@link ValueCodec}, which says how a shared refresh's value travels. Everything else is
 * package-private: the client setup ({@code LettuceClient}), the bus's connection states
 * ({@code ConnectionState}) and Lua scripts ({@code BusScripts}), the wire forms
 * ({@code MessageCodec}, {@code RefreshWire}) and the subscriber loop
 * ({@code Subscribers}).
 */
package io.ledgerline.tagcache.redis;
