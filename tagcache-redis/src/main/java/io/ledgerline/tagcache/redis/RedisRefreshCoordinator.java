package io.ledgerline.tagcache.redis;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import io.ledgerline.tagcache.RefreshCoordinator;
import io.ledgerline.tagcache.SharedRefresh;

/**
 * A {@link RefreshCoordinator} on Redis: one refresh per revalidated key for every
 * instance connected to it.
 *
 * <p>
 * <b>The lease</b> of a key and generation is {@code SET lease token NX PX lease}; its
 * holder runs the loader and ends it by compare-and-delete, so a holder whose lease ran
 * out never ends its successor's. A holder that crashed ends nothing: its lease runs out
 * by Redis's own clock, and the next claim after that leads. A follower learns the
 * lease's remaining time ({@code PTTL}) and claims again only after it.
 *
 * <p>
 * <b>The result</b> travels as bytes: the holder stores it beside the lease for
 * {@code keep} (so a claim that arrives after the refresh, before or without the message,
 * takes it instead of leading again) and publishes it on one channel; the claim and the
 * completion are each one Lua script, so no claim falls between "result stored" and
 * "lease ended". Values need a {@link ValueCodec}, registered for a key prefix with
 * {@link Builder#share}: a key no codec covers is refreshed by each instance on its own,
 * with no Redis round trip at all. That keeps the library generic and honest: nothing is
 * shared that its owner has not said how to carry.
 *
 * <p>
 * <b>Redis is an optimisation here, never a dependency.</b> Every command has a short
 * timeout and is refused at once while disconnected; any failure answers
 * {@link Claim#ALONE}, and the cache refreshes on its own, as without a coordinator.
 */
public final class RedisRefreshCoordinator implements RefreshCoordinator {

	private static final System.Logger LOG = System.getLogger(RedisRefreshCoordinator.class.getName());

	private static final RedisCodec<String, byte[]> BYTES = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	/**
	 * KEYS: result, lease. ARGV: token, lease ms. A kept result, else the lease if free,
	 * else its remaining time.
	 */
	private static final String CLAIM = """
			local r = redis.call('GET', KEYS[1])
			if r then return {'take', r} end
			if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'lead', ''} end
			return {'follow', tostring(redis.call('PTTL', KEYS[2]))}""";

	/**
	 * KEYS: result, lease. ARGV: token, result, keep ms, channel. Keeps and publishes the
	 * result, and ends the lease if it is still this token's.
	 */
	private static final String COMPLETE = """
			redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
			if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
			return redis.call('PUBLISH', ARGV[4], ARGV[2])""";

	/** KEYS: lease. ARGV: token. Compare-and-delete. */
	private static final String RELEASE = """
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0""";

	private final LettuceClient lettuce;

	private final RedisClient client;

	private final String prefix;

	private final String channel;

	private final Duration lease;

	private final Duration keep;

	private final Duration reconnectPause;

	private final List<Shared<?>> shared;

	private final List<Consumer<SharedRefresh>> receivers = new CopyOnWriteArrayList<>();

	/** Tokens: unique to this coordinator, then counted. */
	private final String tokenPrefix = UUID.randomUUID() + ":";

	private final AtomicLong tokens = new AtomicLong();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final LongAdder leads = new LongAdder();

	private final LongAdder follows = new LongAdder();

	private final LongAdder takes = new LongAdder();

	private final LongAdder alone = new LongAdder();

	private final LongAdder received = new LongAdder();

	private final ReentrantLock connecting = new ReentrantLock();

	/** When a failed first connection may be tried again ({@code System.nanoTime}). */
	private volatile long nextConnectNanos;

	private volatile StatefulRedisConnection<String, byte[]> commands;

	private volatile StatefulRedisPubSubConnection<String, byte[]> pubSub;

	private RedisRefreshCoordinator(Builder builder) {
		this.reconnectPause = builder.reconnectPause;
		this.lettuce = LettuceClient.create(builder.uri, builder.commandTimeout, reconnectPause);
		this.client = lettuce.client();
		this.prefix = builder.prefix;
		this.channel = builder.prefix + "refreshes";
		this.lease = builder.lease;
		this.keep = builder.keep != null ? builder.keep : builder.lease.multipliedBy(3);
		this.shared = List.copyOf(builder.shared);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Connects, if any key is shared (or keeps trying at the next claims if Redis is not
	 * there yet). Returns at once either way.
	 */
	public RedisRefreshCoordinator start() {
		if (!shared.isEmpty()) {
			connection();
		}
		return this;
	}

	@Override
	public boolean shares(String key, Object value) {
		Shared<?> codec = codecFor(key);
		return codec != null && codec.codec.type().isInstance(value);
	}

	@Override
	public Claim claim(String key, long generation) {
		StatefulRedisConnection<String, byte[]> connection = connection();
		if (connection == null) {
			alone.increment();
			return Claim.ALONE;
		}
		String token = tokenPrefix + tokens.incrementAndGet();
		try {
			List<Object> reply = connection.sync()
				.eval(CLAIM, ScriptOutputType.MULTI,
						new String[] { resultKey(key, generation), leaseKey(key, generation) }, bytes(token),
						bytes(Long.toString(lease.toMillis())));
			String kind = string(reply.get(0));
			if ("lead".equals(kind)) {
				leads.increment();
				return new Claim.Lead(key, generation, token);
			}
			if ("follow".equals(kind)) {
				follows.increment();
				return new Claim.Follow(Duration.ofMillis(Math.max(1, Long.parseLong(string(reply.get(1))))));
			}
			SharedRefresh result = RefreshWire.decode((byte[]) reply.get(1), this::decoderFor);
			if (result != null) {
				takes.increment();
				return new Claim.Take(result);
			}
		}
		catch (RuntimeException e) {
			LOG.log(Level.DEBUG, "could not claim the refresh of {0}; refreshing alone: {1}", key, e.getMessage());
		}
		alone.increment();
		return Claim.ALONE;
	}

	@Override
	public void complete(Claim.Lead lead, SharedRefresh result) {
		StatefulRedisConnection<String, byte[]> connection = commands;
		byte[] value = encode(lead.key(), result.value());
		if (connection == null || value == null) {
			abandon(lead);
			return;
		}
		try {
			connection.sync()
				.eval(COMPLETE, ScriptOutputType.INTEGER,
						new String[] { resultKey(lead.key(), lead.generation()),
								leaseKey(lead.key(), lead.generation()) },
						bytes(lead.token()), RefreshWire.encode(result, value), bytes(Long.toString(keep.toMillis())),
						bytes(channel));
		}
		catch (RuntimeException e) {
			// The others claim again when the lease runs out, and lead then.
			LOG.log(Level.DEBUG, "could not share the refresh of {0}: {1}", lead.key(), e.getMessage());
		}
	}

	@Override
	public void abandon(Claim.Lead lead) {
		StatefulRedisConnection<String, byte[]> connection = commands;
		if (connection == null) {
			return;
		}
		try {
			connection.sync()
				.eval(RELEASE, ScriptOutputType.INTEGER, new String[] { leaseKey(lead.key(), lead.generation()) },
						bytes(lead.token()));
		}
		catch (RuntimeException e) {
			LOG.log(Level.DEBUG, "could not end the lease of {0}: {1}", lead.key(), e.getMessage());
		}
	}

	@Override
	public void subscribe(Consumer<SharedRefresh> receiver) {
		receivers.add(Objects.requireNonNull(receiver, "receiver"));
	}

	/** What this coordinator answered and received so far. */
	public Counts counts() {
		return new Counts(leads.sum(), follows.sum(), takes.sum(), alone.sum(), received.sum());
	}

	/** Idempotent. */
	@Override
	public void close() {
		if (closed.getAndSet(true)) {
			return;
		}
		lettuce.shutdown(pubSub, commands);
	}

	/** Whether the lease of {@code key}'s {@code generation} is held (for tests). */
	boolean leaseHeld(String key, long generation) {
		return connection().sync().exists(leaseKey(key, generation)) > 0;
	}

	// -----------------------------------------------------------------------------

	/**
	 * The command connection, connecting first if there is none yet (at most once per
	 * reconnect pause, by one thread: the others refresh alone meanwhile, so a Redis that
	 * was not there at startup costs one claim a connect timeout now and then). Once
	 * connected, Lettuce reconnects (and resubscribes) by itself; meanwhile commands fail
	 * at once.
	 */
	private StatefulRedisConnection<String, byte[]> connection() {
		StatefulRedisConnection<String, byte[]> connection = commands;
		if (connection != null || shared.isEmpty() || !connecting.tryLock()) {
			return connection;
		}
		try {
			if (commands == null && System.nanoTime() - nextConnectNanos >= 0) {
				try {
					StatefulRedisPubSubConnection<String, byte[]> subscription = client.connectPubSub(BYTES);
					subscription.addListener(new RedisPubSubAdapter<>() {
						@Override
						public void message(String from, byte[] message) {
							receive(message);
						}
					});
					subscription.sync().subscribe(channel);
					pubSub = subscription;
					commands = client.connect(BYTES);
				}
				catch (RuntimeException e) {
					if (pubSub != null) {
						pubSub.closeAsync();
						pubSub = null;
					}
					nextConnectNanos = System.nanoTime() + reconnectPause.toNanos();
					LOG.log(Level.DEBUG, "Redis not reachable for shared refreshes: {0}", e.getMessage());
				}
			}
			return commands;
		}
		finally {
			connecting.unlock();
		}
	}

	private void receive(byte[] message) {
		SharedRefresh result;
		try {
			result = RefreshWire.decode(message, this::decoderFor);
		}
		catch (RuntimeException e) {
			LOG.log(Level.WARNING, "ignored a malformed shared refresh", e);
			return;
		}
		if (result == null) {
			return;
		}
		received.increment();
		Subscribers.tellEach(receivers, result, "shared refresh receiver", SharedRefresh::key);
	}

	private Shared<?> codecFor(String key) {
		for (Shared<?> each : shared) {
			if (key.startsWith(each.keyPrefix)) {
				return each;
			}
		}
		return null;
	}

	private Function<byte[], Object> decoderFor(String key) {
		Shared<?> codec = codecFor(key);
		return codec == null ? null : codec.codec::decode;
	}

	/** The value's bytes, or {@code null} when no codec carries it. */
	private byte[] encode(String key, Object value) {
		Shared<?> codec = codecFor(key);
		return codec == null ? null : codec.encode(value);
	}

	private String leaseKey(String key, long generation) {
		return prefix + "refresh-lease:" + generation + ":" + key;
	}

	private String resultKey(String key, long generation) {
		return prefix + "refresh-result:" + generation + ":" + key;
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static String string(Object reply) {
		return new String((byte[]) reply, StandardCharsets.UTF_8);
	}

	/**
	 * @param leads claims this instance led
	 * @param follows claims that found another instance's lease
	 * @param takes claims that found another instance's result
	 * @param alone claims answered "alone" (Redis unreachable)
	 * @param received results of other instances delivered over the channel
	 */
	public record Counts(long leads, long follows, long takes, long alone, long received) {
	}

	private record Shared<V>(String keyPrefix, ValueCodec<V> codec) {

		byte[] encode(Object value) {
			return codec.type().isInstance(value) ? codec.encode(codec.type().cast(value)) : null;
		}

	}

	/** Configures a {@link RedisRefreshCoordinator}. */
	public static final class Builder extends RedisSettings<Builder> {

		private Duration reconnectPause = Duration.ofMillis(500);

		private Duration lease = Duration.ofSeconds(5);

		private Duration keep;

		private final List<Shared<?>> shared = new ArrayList<>();

		private Builder() {
		}

		/** How long to wait before connecting again after Redis went away. */
		public Builder reconnectPause(Duration pause) {
			this.reconnectPause = LettuceClient.requirePositive(pause, "reconnectPause");
			return this;
		}

		/**
		 * How long a leader holds a key: the most a crashed leader delays the refresh,
		 * and longer than any loader should take (a slower one lets a second instance
		 * lead too). Default 5 seconds.
		 */
		public Builder lease(Duration lease) {
			this.lease = LettuceClient.requirePositive(lease, "lease");
			return this;
		}

		/**
		 * How long a result stays in Redis for claims that arrive after it. Default three
		 * leases.
		 */
		public Builder keep(Duration keep) {
			this.keep = LettuceClient.requirePositive(keep, "keep");
			return this;
		}

		/**
		 * Shares the refreshes of keys starting with {@code keyPrefix} whose values are
		 * {@code codec}'s type. The first matching registration wins.
		 */
		public <V> Builder share(String keyPrefix, ValueCodec<V> codec) {
			shared.add(new Shared<>(Objects.requireNonNull(keyPrefix, "keyPrefix"),
					Objects.requireNonNull(codec, "codec")));
			return this;
		}

		/** {@link #share(String, ValueCodec)} with {@code value}'s prefix and codec. */
		public Builder share(SharedValue<?> value) {
			Objects.requireNonNull(value, "value");
			return share(value.keyPrefix(), value.codec());
		}

		public RedisRefreshCoordinator build() {
			return new RedisRefreshCoordinator(this);
		}

	}

}
