package io.ledgerline.tagcache;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Configures a {@link TagCache}; {@link TagCache#builder()} starts one. Not thread-safe:
 * build once and share the cache.
 */
public final class TagCacheBuilder {

	Clock clock = Clock.systemUTC();

	long maximumSize = 10_000;

	long maximumWeight;

	ToIntFunction<Object> valueWeigher;

	Duration sweepInterval = Duration.ofSeconds(30);

	String instanceId;

	Executor refreshExecutor = ForkJoinPool.commonPool();

	InvalidationBus bus;

	RefreshCoordinator coordinator = RefreshCoordinator.INDEPENDENT;

	CommitBinding commitBinding = CommitBinding.IMMEDIATE;

	InvalidationRecorder recorder = InvalidationRecorder.NONE;

	Supplier<Duration> ageLimit;

	final List<InvalidationListener> listeners = new ArrayList<>();

	final Map<String, CacheLife> profiles = new HashMap<>();

	TagCacheBuilder() {
	}

	/**
	 * The source of all time: {@code fetchedAt}, ages, stale windows and Caffeine's
	 * ticker. Default {@code Clock.systemUTC()}.
	 */
	public TagCacheBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		return this;
	}

	/**
	 * The most entries held; beyond it Caffeine evicts (counted in
	 * {@link CacheStats#evictions()}). Default 10,000.
	 */
	public TagCacheBuilder maximumSize(long maxEntries) {
		if (maxEntries < 0) {
			throw new IllegalArgumentException("maximumSize must not be negative, was " + maxEntries);
		}
		this.maximumSize = maxEntries;
		return this;
	}

	/**
	 * Bounds the cache by estimated bytes instead of entries: each entry weighs what
	 * {@code valueBytes} estimates for its value, plus the key and the cache's own few
	 * hundred bytes per entry. Beyond {@code maxBytes} Caffeine evicts (counted in
	 * {@link CacheStats#evictions()}). Replaces {@link #maximumSize}.
	 * @param maxBytes the budget, at least 1
	 * @param valueBytes a value's estimated size in bytes (cheap: it runs once per load);
	 * negative results count as 0
	 */
	public TagCacheBuilder maximumWeight(long maxBytes, ToIntFunction<Object> valueBytes) {
		if (maxBytes < 1) {
			throw new IllegalArgumentException("maximumWeight must be at least 1, was " + maxBytes);
		}
		this.maximumWeight = maxBytes;
		this.valueWeigher = Objects.requireNonNull(valueBytes, "valueBytes must not be null");
		return this;
	}

	/**
	 * At most how often dead entries are swept out after invalidations (see the class
	 * comment). Default 30 seconds.
	 */
	public TagCacheBuilder sweepInterval(Duration interval) {
		Objects.requireNonNull(interval, "sweepInterval must not be null");
		if (interval.isNegative()) {
			throw new IllegalArgumentException("sweepInterval must not be negative, was " + interval);
		}
		this.sweepInterval = interval;
		return this;
	}

	/**
	 * Identifies this cache in events and bus messages; default {@code hostname:pid}.
	 * Caches that share a bus must have distinct ids (a cache ignores messages carrying
	 * its own id).
	 */
	public TagCacheBuilder instanceId(String id) {
		Objects.requireNonNull(id, "instanceId must not be null");
		if (id.isBlank()) {
			throw new IllegalArgumentException("instanceId must not be blank");
		}
		this.instanceId = id;
		return this;
	}

	/** Runs background refreshes. Default {@code ForkJoinPool.commonPool()}. */
	public TagCacheBuilder refreshExecutor(Executor executor) {
		this.refreshExecutor = Objects.requireNonNull(executor, "refreshExecutor must not be null");
		return this;
	}

	/**
	 * Carries invalidations to other instances. Default: a new
	 * {@link LocalInvalidationBus}.
	 */
	public TagCacheBuilder bus(InvalidationBus bus) {
		this.bus = Objects.requireNonNull(bus, "bus must not be null");
		return this;
	}

	/**
	 * Decides which cache of a cluster runs each shared background refresh (see
	 * {@link RefreshCoordinator}). Default {@link RefreshCoordinator#INDEPENDENT}: every
	 * cache refreshes on its own.
	 */
	public TagCacheBuilder refreshCoordinator(RefreshCoordinator coordinator) {
		this.coordinator = Objects.requireNonNull(coordinator, "refreshCoordinator must not be null");
		return this;
	}

	/**
	 * Binds invalidations to the caller's transaction. Default
	 * {@link CommitBinding#IMMEDIATE}.
	 */
	public TagCacheBuilder commitBinding(CommitBinding binding) {
		this.commitBinding = Objects.requireNonNull(binding, "commitBinding must not be null");
		return this;
	}

	/**
	 * Records every invalidation when it is asked for, before the commit binding defers
	 * it (see {@link InvalidationRecorder}). Default {@link InvalidationRecorder#NONE}.
	 */
	public TagCacheBuilder recorder(InvalidationRecorder recorder) {
		this.recorder = Objects.requireNonNull(recorder, "recorder must not be null");
		return this;
	}

	/**
	 * A bound on the age of what is served, consulted on every read: while it returns a
	 * duration, an entry older than that is treated as expired (the read loads). For an
	 * instance that knows it may be missing invalidations (its bus is down): it then
	 * serves nothing older than the bound. {@code null} from the supplier means no bound.
	 * Default: none.
	 */
	public TagCacheBuilder ageLimit(Supplier<Duration> limit) {
		this.ageLimit = Objects.requireNonNull(limit, "ageLimit must not be null");
		return this;
	}

	/**
	 * Adds a listener told about every invalidation this cache performs. May be called
	 * several times.
	 */
	public TagCacheBuilder listener(InvalidationListener listener) {
		listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
		return this;
	}

	/**
	 * Registers a custom profile, found afterwards by {@link TagCache#profile(String)}
	 * and {@code revalidateTag(tag, name)}.
	 */
	public TagCacheBuilder profile(CacheLife custom) {
		Objects.requireNonNull(custom, "profile must not be null");
		if (CacheLife.builtIn(custom.name()).isPresent()) {
			throw new IllegalArgumentException("'" + custom.name() + "' is a built-in profile and cannot be redefined");
		}
		if (profiles.putIfAbsent(custom.name(), custom) != null) {
			throw new IllegalArgumentException("a profile named '" + custom.name() + "' is already registered");
		}
		return this;
	}

	public TagCache build() {
		return TagCache.create(this);
	}

}
