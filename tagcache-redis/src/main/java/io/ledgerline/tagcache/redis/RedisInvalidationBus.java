package io.ledgerline.tagcache.redis;

import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

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
 *
 * <p>
 * <b>Redis holds a window, not history.</b> Each tag's record stays for {@code retention}
 * after its last invalidation; every {@code trimInterval} the bus removes older ones
 * ({@link #trim}, idempotent, so every instance may run it). Each trim also marks the
 * counter with the time, which is how a trim knows which epochs are older than the
 * window, and it keeps the highest epoch it removed. A bus coming back whose catch-up
 * would have started at or below that epoch may have missed a record that is gone: it
 * cannot know which tags, so it tells its {@linkplain #subscribeToGaps gap subscribers}
 * (a {@link io.ledgerline.tagcache.TagCache} then condemns everything it holds) and logs
 * a warning.
 *
 * <p>
 * The pieces: {@link LettuceClient} sets the client up, {@link ConnectionState} holds the
 * up/down states (its Javadoc has the table), {@link BusScripts} holds the Lua scripts;
 * this class runs the check, the catch-up and the trim.
 */
public final class RedisInvalidationBus implements InvalidationBus {

	private static final System.Logger LOG = System.getLogger(RedisInvalidationBus.class.getName());

	/**
	 * Tag records removed per {@link BusScripts#TRIM} call: keeps each call short for
	 * Redis.
	 */
	static final int TRIM_BATCH = 500;

	private final LettuceClient lettuce;

	private final RedisClient client;

	private final String counterKey;

	private final String epochsKey;

	private final String messagesKey;

	private final String channel;

	private final String marksKey;

	private final String trimmedKey;

	private final Clock clock;

	private final Duration retention;

	private final Duration trimInterval;

	/**
	 * When this bus was built: what its cache holds was loaded after it, so a record
	 * trimmed before it does not concern it.
	 */
	private final Instant createdAt;

	private final List<Consumer<String>> gapSubscribers = new CopyOnWriteArrayList<>();

	/**
	 * Whether the bus was ever connected: before that, catch-up has no starting epoch.
	 */
	private volatile boolean everConnected;

	private final Duration checkInterval;

	private final List<Consumer<TagInvalidation>> subscribers = new CopyOnWriteArrayList<>();

	/** The highest epoch allocated, published or received here. */
	private final AtomicLong highest = new AtomicLong();

	/**
	 * The counter as read by the check before the latest healthy one: every message
	 * numbered above it may still be in flight, so catch-up starts here.
	 */
	private volatile long catchUpFrom;

	private volatile long lastCounter;

	private final ConnectionState state = new ConnectionState();

	private final ScheduledExecutorService checker;

	/**
	 * Its own thread: a long trim (a first one, over years of tags) never delays a check.
	 */
	private final ScheduledExecutorService trimmer;

	private volatile StatefulRedisConnection<String, String> commands;

	private volatile StatefulRedisPubSubConnection<String, String> pubSub;

	private volatile boolean closed;

	private RedisInvalidationBus(Builder builder) {
		this.lettuce = LettuceClient.create(builder.uri, builder.commandTimeout, builder.checkInterval);
		this.client = lettuce.client();
		this.counterKey = builder.prefix + "epoch";
		this.epochsKey = builder.prefix + "tag-epochs";
		this.messagesKey = builder.prefix + "tag-messages";
		this.channel = builder.prefix + "invalidations";
		this.marksKey = builder.prefix + "epoch-marks";
		this.trimmedKey = builder.prefix + "trimmed";
		this.clock = builder.clock;
		this.retention = builder.retention;
		this.trimInterval = builder.trimInterval;
		this.createdAt = clock.instant();
		this.checkInterval = builder.checkInterval;
		this.checker = daemonThread("redis-bus-check");
		this.trimmer = daemonThread("redis-bus-trim");
		this.client.addListener(new RedisConnectionStateListener() {
			@Override
			public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
				if (!closed) {
					state.markDown("connection lost");
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
		trimmer.scheduleWithFixedDelay(this::trimWhileConnected, trimInterval.toMillis(), trimInterval.toMillis(),
				TimeUnit.MILLISECONDS);
		return this;
	}

	/** Whether Redis answered the latest check and the subscription is live. */
	public boolean isConnected() {
		return state.isUp();
	}

	/**
	 * Told when the bus goes down and when it is back (after its own catch-up); called on
	 * the bus's check thread.
	 */
	public void addStateListener(StateListener listener) {
		state.addListener(listener);
	}

	/**
	 * An epoch above every epoch this bus has seen, from Redis when it answers, else
	 * local.
	 */
	@Override
	public long nextEpoch(long proposed) {
		long floor = Math.max(proposed, highest.get() + 1);
		StatefulRedisConnection<String, String> connection = commands;
		if (connection != null && state.isUp()) {
			try {
				Long epoch = connection.sync()
					.eval(BusScripts.NEXT_EPOCH, ScriptOutputType.INTEGER, new String[] { counterKey },
							Long.toString(floor));
				raiseHighest(epoch);
				return epoch;
			}
			catch (RuntimeException e) {
				state.markDown("INCR failed: " + e.getMessage());
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
		if (connection == null || !state.isUp()) {
			LOG.log(Level.DEBUG, "Redis is down; not published: {0}", message);
			return;
		}
		try {
			connection.sync()
				.eval(BusScripts.PUBLISH, ScriptOutputType.INTEGER, new String[] { epochsKey, messagesKey },
						MessageCodec.member(message), Long.toString(message.epoch()), MessageCodec.encode(message),
						channel);
		}
		catch (RuntimeException e) {
			state.markDown("PUBLISH failed: " + e.getMessage());
		}
	}

	@Override
	public void subscribe(Consumer<TagInvalidation> subscriber) {
		subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
	}

	/** Told, before the bus reports itself back, when its catch-up found a gap. */
	@Override
	public void subscribeToGaps(Consumer<String> subscriber) {
		gapSubscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
	}

	/**
	 * Removes the tag records older than the retention window (by this bus's clock), in
	 * short batches; safe to run on any number of instances at once. Runs on its own
	 * every {@code trimInterval} while connected.
	 * @return how many tag records were removed
	 * @throws io.lettuce.core.RedisException if Redis does not answer
	 */
	public int trim() {
		StatefulRedisConnection<String, String> connection = commands;
		if (connection == null) {
			return 0;
		}
		Instant now = clock.instant();
		String[] keys = { counterKey, epochsKey, messagesKey, marksKey, trimmedKey };
		int removed = 0;
		long batch;
		do {
			batch = connection.sync()
				.eval(BusScripts.TRIM, ScriptOutputType.INTEGER, keys, Long.toString(now.toEpochMilli()),
						Long.toString(now.minus(retention).toEpochMilli()), Integer.toString(TRIM_BATCH));
			removed += (int) batch;
		}
		while (batch == TRIM_BATCH);
		return removed;
	}

	/** Where the next catch-up would start (for tests). */
	long catchUpFrom() {
		return catchUpFrom;
	}

	private void trimWhileConnected() {
		if (closed || !state.isUp()) {
			return;
		}
		try {
			int removed = trim();
			if (removed > 0) {
				LOG.log(Level.DEBUG, "trimmed {0} tag record(s) older than {1}", removed, retention);
			}
		}
		catch (RuntimeException e) {
			// The check notices an outage; the next trim catches up.
			LOG.log(Level.DEBUG, "Redis trim failed", e);
		}
	}

	@Override
	public void close() {
		closed = true;
		checker.shutdownNow();
		trimmer.shutdownNow();
		lettuce.shutdown(pubSub, commands);
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
				state.markDown("not subscribed");
				return;
			}
			if (!state.isUp()) {
				comeBack();
			}
			catchUpFrom = lastCounter;
			lastCounter = counter;
		}
		catch (RuntimeException e) {
			LOG.log(Level.DEBUG, "Redis check failed", e);
			state.markDown(e.getMessage());
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
			.eval(BusScripts.RAISE_COUNTER, ScriptOutputType.INTEGER, new String[] { counterKey },
					Long.toString(known));
		long from = catchUpFrom;
		int delivered = catchUp(from);
		// Read after the catch-up: a record trimmed meanwhile counts as missed.
		String gap = gapSince(from);
		everConnected = true;
		if (gap != null) {
			LOG.log(Level.WARNING,
					"Redis invalidation bus: {0}; this instance cannot know which tags it missed, so its cache"
							+ " condemns everything it holds",
					gap);
			Subscribers.tellEach(gapSubscribers, gap, "gap subscriber");
		}
		state.markUp(delivered);
	}

	/**
	 * Why a catch-up from {@code from} may have missed a trimmed record, or {@code null}
	 * if it cannot have. Before the first connection there is no epoch to start from:
	 * then only a record trimmed after this bus was built can concern it.
	 */
	private String gapSince(long from) {
		List<KeyValue<String, String>> trimmed = commands.sync().hmget(trimmedKey, "through", "at");
		// Both were sorted-set scores: read them as Redis formats a double.
		long through = trimmed.get(0).hasValue() ? (long) Double.parseDouble(trimmed.get(0).getValue()) : 0;
		long at = trimmed.get(1).hasValue() ? (long) Double.parseDouble(trimmed.get(1).getValue()) : 0;
		if (everConnected && through > from) {
			return "records up to epoch " + through + " were trimmed (older than " + retention
					+ ") while this bus was away; it had everything up to epoch " + from;
		}
		if (!everConnected && through > 0 && at > createdAt.toEpochMilli()) {
			return "records allocated until " + Instant.ofEpochMilli(at) + " were trimmed (older than " + retention
					+ ") before this bus, built at " + createdAt + ", first connected";
		}
		return null;
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
		Subscribers.tellEach(subscribers, message, "invalidation subscriber");
	}

	private void raiseHighest(long epoch) {
		highest.accumulateAndGet(epoch, Math::max);
	}

	private static ScheduledExecutorService daemonThread(String name) {
		return Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
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
	public static final class Builder extends RedisSettings<Builder> {

		private Duration checkInterval = Duration.ofMillis(500);

		private Clock clock = Clock.systemUTC();

		private Duration retention = Duration.ofHours(1);

		private Duration trimInterval = Duration.ofMinutes(1);

		private Builder() {
		}

		/** How often the bus checks Redis (and notices an outage or its end). */
		public Builder checkInterval(Duration interval) {
			this.checkInterval = LettuceClient.requirePositive(interval, "checkInterval");
			return this;
		}

		/**
		 * How long a tag's record (its latest epoch and message) is kept after its last
		 * invalidation; an instance away for longer condemns its whole cache when it
		 * returns. Default 1 hour.
		 */
		public Builder retention(Duration retention) {
			this.retention = LettuceClient.requirePositive(retention, "retention");
			return this;
		}

		/** How often the bus trims records older than the retention. Default 1 minute. */
		public Builder trimInterval(Duration interval) {
			this.trimInterval = LettuceClient.requirePositive(interval, "trimInterval");
			return this;
		}

		/** Dates the trims. Default {@code Clock.systemUTC()}. */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		public RedisInvalidationBus build() {
			return new RedisInvalidationBus(this);
		}

	}

}
