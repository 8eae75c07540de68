package io.ledgerline.tagcache.redis;

import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import io.ledgerline.tagcache.InvalidationBus;
import io.ledgerline.tagcache.TagInvalidation;

/**
 * An {@link InvalidationBus} on Redis, as the interface describes it: epochs from one
 * counter ({@code INCR}, never below what the cache proposes), each tag's latest epoch
 * per kind in a sorted set (with the message itself in a hash), and every message
 * published on one channel. All keys start with a configurable prefix.
 *
 * <p>
 * <b>Redis is the fast path, not the record.</b> A Redis outage never blocks or fails a
 * caller: every command has a short timeout, commands are rejected at once while
 * disconnected, {@link #publish} then only logs (the local cache has already applied the
 * invalidation), and {@link #nextEpoch} falls back to a local sequence above everything
 * this bus has seen. A background check (PING every {@code checkInterval}) notices the
 * outage and the return; on return the bus raises the counter back above every epoch it
 * has seen (Redis may have come back empty), delivers what the sorted set holds above the
 * last epoch it knew before the outage, and only then reports itself connected to its
 * {@link StateListener}s. Messages published while Redis was away, or lost with a Redis
 * that restarted empty, are not in Redis at all: an application that must never miss one
 * keeps a durable record of its own (see {@code InvalidationRecorder}) and catches up
 * from it when told the bus is back.
 */
public final class RedisInvalidationBus implements InvalidationBus {

	private static final System.Logger LOG = System.getLogger(RedisInvalidationBus.class.getName());

	/** max(INCR, proposed): a counter that came back empty jumps to what callers know. */
	private static final String NEXT_EPOCH = """
			local v = redis.call('INCR', KEYS[1])
			local p = tonumber(ARGV[1])
			if v < p then redis.call('SET', KEYS[1], ARGV[1]) v = p end
			return v""";

	/** Raises the counter to at least ARGV[1] (after Redis came back, maybe empty). */
	private static final String RAISE_COUNTER = """
			local v = tonumber(redis.call('GET', KEYS[1]) or '0')
			if v < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
			return 0""";

	/** Records the tag's latest epoch per kind (only if higher), then publishes. */
	private static final String PUBLISH = """
			local s = redis.call('ZSCORE', KEYS[1], ARGV[1])
			if (not s) or tonumber(s) < tonumber(ARGV[2]) then
			  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
			  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
			end
			return redis.call('PUBLISH', ARGV[4], ARGV[3])""";

	private final ClientResources resources;

	private final RedisClient client;

	private final String counterKey;

	private final String epochsKey;

	private final String messagesKey;

	private final String channel;

	private final Duration checkInterval;

	private final List<Consumer<TagInvalidation>> subscribers = new CopyOnWriteArrayList<>();

	private final List<StateListener> stateListeners = new CopyOnWriteArrayList<>();

	/** The highest epoch allocated, published or received here. */
	private final AtomicLong highest = new AtomicLong();

	/**
	 * The counter as read by the check before the latest healthy one: every message
	 * numbered above it may still be in flight, so catch-up starts here.
	 */
	private volatile long catchUpFrom;

	private volatile long lastCounter;

	private final AtomicBoolean connected = new AtomicBoolean();

	private final ScheduledExecutorService checker;

	private volatile StatefulRedisConnection<String, String> commands;

	private volatile StatefulRedisPubSubConnection<String, String> pubSub;

	private volatile boolean closed;

	private RedisInvalidationBus(Builder builder) {
		RedisURI uri = RedisURI.create(builder.uri);
		uri.setTimeout(builder.commandTimeout);
		// Reconnect at a steady, short pace (Lettuce's default backs off to 30 s): the
		// app
		// is degraded until Redis is back, so notice its return soon.
		this.resources = DefaultClientResources.builder().reconnectDelay(Delay.constant(builder.checkInterval)).build();
		this.client = RedisClient.create(resources, uri);
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(builder.commandTimeout).build())
			.timeoutOptions(TimeoutOptions.enabled(builder.commandTimeout))
			.build());
		this.counterKey = builder.prefix + "epoch";
		this.epochsKey = builder.prefix + "tag-epochs";
		this.messagesKey = builder.prefix + "tag-messages";
		this.channel = builder.prefix + "invalidations";
		this.checkInterval = builder.checkInterval;
		this.checker = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "redis-bus-check");
			thread.setDaemon(true);
			return thread;
		});
		this.client.addListener(new RedisConnectionStateListener() {
			@Override
			public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
				if (!closed) {
					markDown("connection lost");
				}
			}

			@Override
			public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
				// The next check confirms with a PING and runs the catch-up.
				checker.execute(RedisInvalidationBus.this::check);
			}
		});
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Connects (or keeps trying to, in the background, if Redis is not there yet) and
	 * starts the health check. Returns at once either way.
	 */
	public RedisInvalidationBus start() {
		checker.scheduleWithFixedDelay(this::check, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
		return this;
	}

	/** Whether Redis answered the latest check and the subscription is live. */
	public boolean isConnected() {
		return connected.get();
	}

	/**
	 * Told when the bus goes down and when it is back (after its own catch-up); called on
	 * the bus's check thread.
	 */
	public void addStateListener(StateListener listener) {
		stateListeners.add(Objects.requireNonNull(listener, "listener"));
	}

	/**
	 * An epoch above every epoch this bus has seen, from Redis when it answers, else
	 * local.
	 */
	@Override
	public long nextEpoch(long proposed) {
		long floor = Math.max(proposed, highest.get() + 1);
		StatefulRedisConnection<String, String> connection = commands;
		if (connection != null && connected.get()) {
			try {
				Long epoch = connection.sync()
					.eval(NEXT_EPOCH, ScriptOutputType.INTEGER, new String[] { counterKey }, Long.toString(floor));
				raiseHighest(epoch);
				return epoch;
			}
			catch (RuntimeException e) {
				markDown("INCR failed: " + e.getMessage());
			}
		}
		return highest.updateAndGet(h -> Math.max(h + 1, proposed));
	}

	/** Records and publishes; while Redis is down, logs and returns (never throws). */
	@Override
	public void publish(TagInvalidation message) {
		Objects.requireNonNull(message, "message");
		raiseHighest(message.epoch());
		StatefulRedisConnection<String, String> connection = commands;
		if (connection == null || !connected.get()) {
			LOG.log(Level.DEBUG, "Redis is down; not published: {0}", message);
			return;
		}
		try {
			connection.sync()
				.eval(PUBLISH, ScriptOutputType.INTEGER, new String[] { epochsKey, messagesKey },
						MessageCodec.member(message), Long.toString(message.epoch()), MessageCodec.encode(message),
						channel);
		}
		catch (RuntimeException e) {
			markDown("PUBLISH failed: " + e.getMessage());
		}
	}

	@Override
	public void subscribe(Consumer<TagInvalidation> subscriber) {
		subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
	}

	@Override
	public void close() {
		closed = true;
		checker.shutdownNow();
		try {
			if (pubSub != null) {
				pubSub.close();
			}
			if (commands != null) {
				commands.close();
			}
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
			resources.shutdown(0, 1, TimeUnit.SECONDS);
		}
	}

	// -----------------------------------------------------------------------------

	private void check() {
		if (closed) {
			return;
		}
		try {
			if (commands == null || pubSub == null) {
				connect();
			}
			String pong = commands.sync().ping();
			boolean subscribed = pubSub.isOpen();
			long counter = parse(commands.sync().get(counterKey));
			if (!"PONG".equals(pong) || !subscribed) {
				markDown("not subscribed");
				return;
			}
			if (!connected.get()) {
				comeBack();
			}
			catchUpFrom = lastCounter;
			lastCounter = counter;
		}
		catch (RuntimeException e) {
			LOG.log(Level.DEBUG, "Redis check failed", e);
			markDown(e.getMessage());
		}
	}

	private void connect() {
		if (commands == null) {
			commands = client.connect();
		}
		if (pubSub == null) {
			StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
			connection.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String from, String text) {
					receive(text);
				}
			});
			try {
				connection.sync().subscribe(channel);
			}
			catch (RuntimeException e) {
				connection.closeAsync();
				throw e;
			}
			pubSub = connection;
		}
	}

	/**
	 * Redis answers again: the counter back above what we know, what we missed that Redis
	 * still has, then "connected".
	 */
	private void comeBack() {
		long known = highest.get();
		commands.sync()
			.eval(RAISE_COUNTER, ScriptOutputType.INTEGER, new String[] { counterKey }, Long.toString(known));
		int delivered = catchUp(catchUpFrom);
		if (connected.compareAndSet(false, true)) {
			LOG.log(Level.INFO, "Redis invalidation bus connected; {0} invalidation(s) caught up from Redis",
					delivered);
			for (StateListener listener : stateListeners) {
				try {
					listener.stateChanged(true);
				}
				catch (RuntimeException e) {
					LOG.log(Level.WARNING, "bus state listener failed", e);
				}
			}
		}
	}

	/** Delivers every recorded latest message numbered above {@code from}. */
	private int catchUp(long from) {
		List<String> members = commands.sync().zrangebyscore(epochsKey, Range.create((double) from, Double.MAX_VALUE));
		if (members.isEmpty()) {
			return 0;
		}
		List<TagInvalidation> missed = new ArrayList<>(members.size());
		for (KeyValue<String, String> kv : commands.sync().hmget(messagesKey, members.toArray(String[]::new))) {
			if (kv.hasValue()) {
				missed.add(MessageCodec.decode(kv.getValue()));
			}
		}
		missed.forEach(this::deliver);
		return missed.size();
	}

	private void receive(String text) {
		TagInvalidation message;
		try {
			message = MessageCodec.decode(text);
		}
		catch (RuntimeException e) {
			LOG.log(Level.WARNING, "ignored a malformed invalidation message", e);
			return;
		}
		deliver(message);
	}

	private void deliver(TagInvalidation message) {
		raiseHighest(message.epoch());
		for (Consumer<TagInvalidation> subscriber : subscribers) {
			try {
				subscriber.accept(message);
			}
			catch (RuntimeException e) {
				LOG.log(Level.WARNING, "invalidation subscriber failed on " + message, e);
			}
		}
	}

	private void markDown(String why) {
		if (connected.compareAndSet(true, false)) {
			LOG.log(Level.WARNING, "Redis invalidation bus down: {0}", why);
			for (StateListener listener : stateListeners) {
				try {
					listener.stateChanged(false);
				}
				catch (RuntimeException e) {
					LOG.log(Level.WARNING, "bus state listener failed", e);
				}
			}
		}
	}

	private void raiseHighest(long epoch) {
		highest.accumulateAndGet(epoch, Math::max);
	}

	private static long parse(String value) {
		return value == null ? 0 : Long.parseLong(value);
	}

	/** Told when the bus goes down ({@code false}) and when it is back ({@code true}). */
	@FunctionalInterface
	public interface StateListener {

		void stateChanged(boolean connected);

	}

	/** Configures a {@link RedisInvalidationBus}. */
	public static final class Builder {

		private String uri = "redis://127.0.0.1:6379";

		private String prefix = "tagcache:";

		private Duration commandTimeout = Duration.ofSeconds(1);

		private Duration checkInterval = Duration.ofMillis(500);

		private Builder() {
		}

		/** A Redis URI, e.g. {@code redis://127.0.0.1:6379/0}. */
		public Builder uri(String uri) {
			this.uri = Objects.requireNonNull(uri, "uri");
			return this;
		}

		/** Starts every key and the channel name; lets several apps share one Redis. */
		public Builder prefix(String prefix) {
			this.prefix = Objects.requireNonNull(prefix, "prefix");
			return this;
		}

		/** The most any Redis command may take (and the connect timeout). */
		public Builder commandTimeout(Duration timeout) {
			this.commandTimeout = requirePositive(timeout, "commandTimeout");
			return this;
		}

		/** How often the bus checks Redis (and notices an outage or its end). */
		public Builder checkInterval(Duration interval) {
			this.checkInterval = requirePositive(interval, "checkInterval");
			return this;
		}

		public RedisInvalidationBus build() {
			return new RedisInvalidationBus(this);
		}

		private static Duration requirePositive(Duration d, String name) {
			Objects.requireNonNull(d, name);
			if (d.isZero() || d.isNegative()) {
				throw new IllegalArgumentException(name + " must be positive, was " + d);
			}
			return d;
		}

	}

}
