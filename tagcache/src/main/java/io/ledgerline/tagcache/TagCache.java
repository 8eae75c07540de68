package io.ledgerline.tagcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A tag-aware data cache: values carry tags, tags are invalidated by three primitives,
 * and every value is served with the moment it was loaded.
 *
 * <h2>Reading</h2> {@link #get} returns the cached value when it is usable and loads it
 * otherwise. Whether a value is usable depends on its age against its {@link CacheLife}
 * and on what happened to its tags since its loader started:
 * <ul>
 * <li>fresh (younger than {@code revalidate}, tags untouched): served;
 * <li>stale (older than {@code revalidate}, or a tag was {@link #revalidateTag
 * revalidated} within that revalidation's window): served, and one background refresh is
 * started;
 * <li>dead (older than {@code expire}, a tag was {@link #updateTag updated}, its path was
 * {@link #revalidatePath revalidated}, or a stale window ran out): the read loads
 * synchronously.
 * </ul>
 * Concurrent misses of one key run the loader once; the others wait for its outcome.
 * Across a cluster, a {@link RefreshCoordinator} lets one instance refresh a revalidated
 * key for all of them.
 *
 * <h2>Invalidating</h2> Each tag has epochs. An entry remembers the epochs its tags had
 * before its loader ran, and an invalidation raises an epoch, so an invalidation that
 * lands while a load is in flight already condemns that load's result: read-your-writes
 * never loses to a racing load. Invalidations run through the {@link CommitBinding}, go
 * to the other instances over the {@link InvalidationBus}, and are reported to
 * {@link InvalidationListener}s once they took effect.
 *
 * <h2>Memory</h2> The cache is bounded by entries or, with
 * {@link TagCacheBuilder#maximumWeight}, by estimated bytes; Caffeine evicts beyond the
 * bound. Entries that can never be served again (their tag was updated, their stale
 * window ran out) are removed by a sweep that follows invalidations at most once per
 * {@link TagCacheBuilder#sweepInterval sweep interval}, so they do not wait for their
 * profile's {@code expire} or for eviction to give their memory back.
 *
 * <p>
 * Instances are thread-safe. Storage, the size bound and expiry are Caffeine's. A cache
 * is configured by {@link TagCacheBuilder}; its counters live in {@code StatsCounter} and
 * its background refreshes in {@code Refresher}.
 */
public final class TagCache {

	private static final System.Logger LOG = System.getLogger(TagCache.class.getName());

	private final Clock clock;

	/** Caffeine's ticker counts from here, so its values stay far from overflowing. */
	private final long originNanos;

	private final String instanceId;

	private final InvalidationBus bus;

	private final CommitBinding commitBinding;

	private final InvalidationRecorder recorder;

	/**
	 * While it returns a duration, older entries are not served; {@code null}: no limit.
	 */
	private final Supplier<Duration> ageLimit;

	private final List<InvalidationListener> listeners;

	private final Map<String, CacheLife> customProfiles;

	private final Cache<String, Entry> entries;

	/** Held weakly: a tag's state lives as long as an entry or a load refers to it. */
	private final Cache<String, TagState> tagStates;

	private final ConcurrentHashMap<String, Load> loads = new ConcurrentHashMap<>();

	/**
	 * The highest epoch this instance has seen (allocated for it or received); new tag
	 * states start here.
	 */
	private final AtomicLong epochs = new AtomicLong();

	private final AtomicLong loadSequence = new AtomicLong();

	/** Estimated bytes of a value; {@code null} when the cache is bounded by entries. */
	private final ToIntFunction<Object> valueWeigher;

	private final long sweepIntervalNanos;

	/** When the last sweep of dead entries was started, in {@link #nowNanos()} terms. */
	private final AtomicLong lastSweepNanos = new AtomicLong(Long.MIN_VALUE);

	/**
	 * Loads numbered up to this one are condemned (see {@link #invalidateAll}): their
	 * entries are dead, and a reader does not join them.
	 */
	private final AtomicLong condemnedThrough = new AtomicLong();

	private final StatsCounter stats = new StatsCounter();

	private final Refresher refresher;

	private TagCache(TagCacheBuilder builder) {
		this.clock = builder.clock;
		this.originNanos = clock.millis() * 1_000_000L;
		this.instanceId = builder.instanceId != null ? builder.instanceId : defaultInstanceId();
		this.bus = builder.bus != null ? builder.bus : new LocalInvalidationBus();
		this.commitBinding = builder.commitBinding;
		this.recorder = builder.recorder;
		this.ageLimit = builder.ageLimit;
		this.listeners = List.copyOf(builder.listeners);
		this.customProfiles = Map.copyOf(builder.profiles);
		this.valueWeigher = builder.valueWeigher;
		this.sweepIntervalNanos = Nanos.of(builder.sweepInterval);
		this.refresher = new Refresher(this, builder.refreshExecutor, builder.coordinator, instanceId, stats);

		// Caffeine reads its ticker on every lookup, and millis() is the cheaper read.
		// Millisecond resolution is plenty for freeing memory (what its expiry is for
		// here; serving decisions use the full-precision clock), and it only ever lags,
		// so an entry is never dropped early.
		Ticker ticker = () -> clock.millis() * 1_000_000L - originNanos;
		Caffeine<Object, Object> storage = Caffeine.newBuilder();
		if (valueWeigher != null) {
			storage.maximumWeight(builder.maximumWeight).weigher((String key, Entry entry) -> entryWeight(key, entry));
		}
		else {
			storage.maximumSize(builder.maximumSize);
		}
		this.entries = storage.ticker(ticker)
			// Housekeeping (expiry, eviction, the removal listener) runs on the calling
			// thread: it is cheap, it keeps eviction counts exact right after cleanUp(),
			// and it leaves the refresh executor to refreshes alone.
			.executor(Runnable::run)
			.expireAfter(new ExpireAtLifeExpire())
			.removalListener((String key, Entry entry, RemovalCause cause) -> {
				if (cause == RemovalCause.SIZE) {
					stats.recordEviction();
				}
			})
			.build();
		this.tagStates = Caffeine.newBuilder().weakValues().executor(Runnable::run).build();
	}

	/** Starts configuring a cache. */
	public static TagCacheBuilder builder() {
		return new TagCacheBuilder();
	}

	static TagCache create(TagCacheBuilder builder) {
		TagCache cache = new TagCache(builder);
		// Subscribed once fully constructed: the bus may deliver on any thread at once.
		cache.bus.subscribe(cache::receive);
		cache.bus.subscribeToGaps(reason -> cache.invalidateAll());
		builder.coordinator.subscribe(cache.refresher::receiveShared);
		return cache;
	}

	// ---------------------------------------------------------------------------------------------
	// Reading

	/**
	 * The value for {@code key}: cached when usable, else loaded by {@code loader} (once,
	 * however many threads miss it at the same time).
	 * @param key the cache key, not blank
	 * @param tags the entry's tags (possibly empty); an invalidation of any of them
	 * reaches it
	 * @param life how long the value stays fresh and how long it may be served at all
	 * @param loader produces the value; must not return {@code null}. Its exception
	 * propagates to every reader waiting on that load, and nothing is cached
	 * @return the value and when its loader ran
	 * @throws NullPointerException if the loader returned {@code null}
	 */
	public <V> Cached<V> get(String key, Collection<String> tags, CacheLife life, Supplier<? extends V> loader) {
		Names.requireKey(key);
		Names.checkTags(tags);
		Objects.requireNonNull(life, "life must not be null");
		Objects.requireNonNull(loader, "loader must not be null");
		return read(key, key, tags, null, life, loader, null);
	}

	/**
	 * {@link #get}, reusing a cached value only while {@code reusable} accepts it: a
	 * value it refuses is treated as expired, loaded again (once, however many threads
	 * ask) and replaced in place. For a value derived from other cached reads, such as a
	 * rendered page, that must be rebuilt when they were reloaded: its key says what it
	 * shows, and {@code reusable} says whether it still shows the current loads of it.
	 *
	 * <p>
	 * A reader that joins a load in flight gets that load's value even if its own
	 * {@code reusable} would refuse it; check the result if that matters.
	 * @param reusable whether a cached value may be served; must be cheap and must not
	 * call the cache
	 */
	public <V> Cached<V> get(String key, Collection<String> tags, CacheLife life, Supplier<? extends V> loader,
			Predicate<? super V> reusable) {
		Names.requireKey(key);
		Names.checkTags(tags);
		Objects.requireNonNull(life, "life must not be null");
		Objects.requireNonNull(loader, "loader must not be null");
		Objects.requireNonNull(reusable, "reusable must not be null");
		@SuppressWarnings("unchecked")
		Predicate<Object> check = (Predicate<Object>) reusable;
		return read(key, key, tags, null, life, loader, check);
	}

	/**
	 * A cached rendered page. Like {@link #get}, but the entry is stored per {@code path}
	 * and {@code key}, and is also reached by {@link #revalidatePath} of that path or of
	 * a path above it.
	 * @param path the page's route path, starting with {@code /}
	 * @param key distinguishes variants of the page (the user's org, a filter ...)
	 * @param renderer produces the page; must not return {@code null}
	 */
	public <V> Cached<V> getPage(String path, String key, Collection<String> tags, CacheLife life,
			Supplier<? extends V> renderer) {
		String normalized = Names.requirePath(path);
		Names.requireKey(key);
		Names.checkTags(tags);
		Objects.requireNonNull(life, "life must not be null");
		Objects.requireNonNull(renderer, "renderer must not be null");
		return read(Names.pageKey(normalized, key), key, tags, normalized, life, renderer, null);
	}

	/**
	 * The hit path allocates nothing of its own; the request is only put together when
	 * needed.
	 */
	private <V> Cached<V> read(String storeKey, String displayKey, Collection<String> tags, String pagePath,
			CacheLife life, Supplier<?> loader, Predicate<Object> reusable) {
		Entry entry = entries.getIfPresent(storeKey);
		if (entry != null) {
			Entry.Status status = statusOf(entry, nowNanos(), reusable);
			if (status == Entry.Status.FRESH) {
				stats.recordHit();
				return entry.cached();
			}
			if (status == Entry.Status.STALE) {
				return serveStale(entry,
						new Request(storeKey, displayKey, allTags(tags, pagePath), life, loader, reusable));
			}
		}
		return loadOnce(new Request(storeKey, displayKey, allTags(tags, pagePath), life, loader, reusable));
	}

	/** {@link #statusOf(Entry, long)}, and dead when the reader refuses its value. */
	private Entry.Status statusOf(Entry entry, long nowNanos, Predicate<Object> reusable) {
		if (reusable != null && !reusable.test(entry.value())) {
			return Entry.Status.DEAD;
		}
		return statusOf(entry, nowNanos);
	}

	/**
	 * The entry's own status, except that an entry older than the age limit (while one is
	 * set) is dead.
	 */
	Entry.Status statusOf(Entry entry, long nowNanos) {
		if (entry.sequence <= condemnedThrough.get()) {
			return Entry.Status.DEAD;
		}
		Entry.Status status = entry.statusAt(nowNanos);
		if (status == Entry.Status.DEAD || ageLimit == null) {
			return status;
		}
		Duration limit = ageLimit.get();
		if (limit != null && Nanos.minus(nowNanos, entry.fetchedNanos) > Nanos.of(limit)) {
			return Entry.Status.DEAD;
		}
		return status;
	}

	/** The user's tags without duplicates, plus a page's path tags. */
	private static List<String> allTags(Collection<String> tags, String pagePath) {
		Set<String> all = new LinkedHashSet<>(tags);
		if (pagePath != null) {
			all.addAll(Names.pathTags(pagePath));
		}
		return List.copyOf(all);
	}

	private <V> Cached<V> serveStale(Entry entry, Request request) {
		stats.recordStaleServe();
		refresher.start(entry, request);
		return entry.cached();
	}

	/**
	 * The miss path: join the load in flight for this key, or become the one that runs
	 * it.
	 */
	private <V> Cached<V> loadOnce(Request request) {
		while (true) {
			Load inFlight = loads.get(request.storeKey);
			if (inFlight != null) {
				if (inFlight.leader == Thread.currentThread()) {
					throw new IllegalStateException("recursive load: the loader for key '" + request.displayKey
							+ "' asked the cache for that same key");
				}
				// A load begun before one of its tags expired would hand this reader a
				// value older than a write it may have just made: start a newer one.
				if (inFlight.tags.unexpired() && inFlight.sequence > condemnedThrough.get()) {
					stats.recordMiss();
					return inFlight.await().cached();
				}
			}
			Load mine = new Load(snapshot(request.tags), loadSequence.incrementAndGet());
			boolean leading = inFlight == null ? loads.putIfAbsent(request.storeKey, mine) == null
					: loads.replace(request.storeKey, inFlight, mine);
			if (!leading) {
				continue;
			}
			// A leader that finished between our look at the cache and our claim
			// stored its entry before leaving the map, so it is visible now: use it
			// rather than load a second time.
			Entry landed = entries.getIfPresent(request.storeKey);
			if (landed != null) {
				Entry.Status status = statusOf(landed, nowNanos(), request.reusable);
				if (status != Entry.Status.DEAD) {
					loads.remove(request.storeKey, mine);
					mine.succeed(landed);
					if (status == Entry.Status.FRESH) {
						stats.recordHit();
						return landed.cached();
					}
					return serveStale(landed, request);
				}
			}
			stats.recordMiss();
			return lead(request, mine).cached();
		}
	}

	private Entry lead(Request request, Load load) {
		Entry entry;
		try {
			entry = runLoader(request, load.tags, load.sequence);
			store(request.storeKey, entry);
		}
		catch (RuntimeException | Error failure) {
			// Whatever happens, release the waiters and free the key for the next miss.
			loads.remove(request.storeKey, load);
			load.fail(failure);
			throw failure;
		}
		loads.remove(request.storeKey, load);
		load.succeed(entry);
		return entry;
	}

	/** Runs the loader; the tag snapshot must have been taken before calling this. */
	Entry runLoader(Request request, TagSnapshot tags, long sequence) {
		Instant fetchedAt = clock.instant();
		Object value = request.loader.get();
		if (value == null) {
			throw new NullPointerException("the loader for key '" + request.displayKey
					+ "' returned null; the cache stores no null values (cache an empty Optional or a sentinel instead)");
		}
		return new Entry(value, fetchedAt, request.life, tags, sequence, weigh(value));
	}

	int weigh(Object value) {
		return valueWeigher == null ? 1 : Math.max(0, valueWeigher.applyAsInt(value));
	}

	/**
	 * A value's estimated bytes plus what the cache itself holds for it: the key's
	 * characters, the entry, its {@code Cached}, its tag snapshot and Caffeine's node (a
	 * few hundred bytes, measured with a heap histogram).
	 */
	private static int entryWeight(String key, Entry entry) {
		long bytes = (long) entry.weight + 2L * key.length() + ENTRY_OVERHEAD_BYTES;
		return (int) Math.min(Integer.MAX_VALUE, bytes);
	}

	/** See {@link #entryWeight}. */
	static final int ENTRY_OVERHEAD_BYTES = 320;

	void store(String storeKey, Entry entry) {
		entries.asMap()
			.merge(storeKey, entry, (current, loaded) -> current.sequence > loaded.sequence ? current : loaded);
	}

	long nextSequence() {
		return loadSequence.incrementAndGet();
	}

	Entry entry(String storeKey) {
		return entries.getIfPresent(storeKey);
	}

	/**
	 * Replaces {@code stale} with {@code entry}, only if {@code stale} is still there.
	 */
	void replace(String storeKey, Entry stale, Entry entry) {
		entries.asMap().replace(storeKey, stale, entry);
	}

	TagState tagState(String tag) {
		return tagStates.getIfPresent(tag);
	}

	TagSnapshot snapshot(List<String> tags) {
		// Read before the states: an invalidation arriving in between raises a state
		// above
		// it, never the other way round.
		long covered = epochs.get();
		TagState[] states = new TagState[tags.size()];
		for (int i = 0; i < states.length; i++) {
			states[i] = tagStates.get(tags.get(i), tag -> new TagState(epochs.get()));
		}
		return TagSnapshot.of(states, covered);
	}

	// ---------------------------------------------------------------------------------------------
	// Invalidating

	/**
	 * Read-your-writes: expires every entry tagged {@code tag} now, so the next read (the
	 * redirect the user is waiting on) loads fresh. Only inside an
	 * {@link InvocationSource#ACTION} scope.
	 * @throws IllegalStateException outside an action; then nothing is invalidated,
	 * published or reported
	 */
	public void updateTag(String tag) {
		requireAction("updateTag", "use revalidateTag(tag, profile) from jobs and routes");
		String checked = Names.requireTag(tag);
		InvocationSource source = currentSource();
		List<Planned> planned = List.of(expire(Primitive.UPDATE_TAG, checked, checked));
		record(planned);
		commitBinding.execute(() -> invalidate(planned, source, null));
	}

	/**
	 * {@link #updateTag} for several tags as one unit: one scope check, one commit-bound
	 * invalidation.
	 */
	public void updateTags(Collection<String> tags) {
		requireAction("updateTags", "use revalidateTag(tag, profile) from jobs and routes");
		Set<String> checked = Names.requireTags(tags);
		if (checked.isEmpty()) {
			return;
		}
		InvocationSource source = currentSource();
		List<Planned> planned = new ArrayList<>(checked.size());
		for (String tag : checked) {
			planned.add(expire(Primitive.UPDATE_TAG, tag, tag));
		}
		record(planned);
		commitBinding.execute(() -> invalidate(planned, source, null));
	}

	/**
	 * Stale-while-revalidate: entries tagged {@code tag} are served stale from now on,
	 * for at most the profile's {@code expire} (and never past their own), and the next
	 * read of each starts one background refresh. Allowed anywhere.
	 * @throws IllegalArgumentException if no built-in or registered profile has that name
	 */
	public void revalidateTag(String tag, String profileName) {
		Objects.requireNonNull(profileName, "profile name must not be null");
		revalidateTag(tag, profile(profileName));
	}

	/** {@link #revalidateTag(String, String)} with the profile itself. */
	public void revalidateTag(String tag, CacheLife profile) {
		String checked = Names.requireTag(tag);
		Objects.requireNonNull(profile, "profile must not be null");
		InvocationSource source = currentSource();
		Planned planned = new Planned(Primitive.REVALIDATE_TAG, checked, checked, TagInvalidation.Kind.STALE,
				profile.expire());
		record(List.of(planned));
		commitBinding.execute(() -> invalidate(List.of(planned), source, profile.name()));
	}

	/** {@code revalidatePath(path, PathScope.PAGE)}. */
	public void revalidatePath(String path) {
		revalidatePath(path, PathScope.PAGE);
	}

	/**
	 * Expires cached pages by route (the next read re-renders): exactly {@code path}'s
	 * pages for {@link PathScope#PAGE}; {@code path}'s and every page below it for
	 * {@link PathScope#LAYOUT}. Allowed anywhere.
	 */
	public void revalidatePath(String path, PathScope scope) {
		String normalized = Names.requirePath(path);
		Objects.requireNonNull(scope, "scope must not be null");
		String tag = scope == PathScope.PAGE ? Names.pageTag(normalized) : Names.layoutTag(normalized);
		InvocationSource source = currentSource();
		List<Planned> planned = List.of(expire(Primitive.REVALIDATE_PATH, normalized, tag));
		record(planned);
		commitBinding.execute(() -> invalidate(planned, source, null));
	}

	/** Hands the planned invalidations to the recorder, on the caller's thread. */
	private void record(List<Planned> planned) {
		if (recorder == InvalidationRecorder.NONE) {
			return;
		}
		List<InvalidationIntent> intents = new ArrayList<>(planned.size());
		for (Planned p : planned) {
			intents.add(new InvalidationIntent(p.tag, p.kind, p.staleWindow));
		}
		recorder.record(List.copyOf(intents));
	}

	private static Planned expire(Primitive primitive, String target, String tag) {
		return new Planned(primitive, target, tag, TagInvalidation.Kind.EXPIRE, null);
	}

	private static void requireAction(String primitive, String advice) {
		if (currentSource() != InvocationSource.ACTION) {
			throw new IllegalStateException(primitive + " is only available inside an action (current source: "
					+ currentSource().label() + "): " + advice);
		}
	}

	/**
	 * Apply locally, publish, count; only then report, so no report claims a failed
	 * invalidation.
	 */
	private void invalidate(List<Planned> planned, InvocationSource source, String profileName) {
		Instant at = clock.instant();
		List<TagInvalidation> messages = new ArrayList<>(planned.size());
		for (Planned p : planned) {
			// Propose without raising our own counter: it may only ever hold epochs that
			// were really allocated, because new tag states start from it (see TagState).
			long epoch = bus.nextEpoch(epochs.get() + 1);
			if (epoch <= 0) {
				throw new IllegalStateException("the invalidation bus allocated a non-positive epoch: " + epoch);
			}
			TagInvalidation message = new TagInvalidation(p.tag, p.kind, epoch, at, p.staleWindow, instanceId);
			apply(message);
			messages.add(message);
		}
		for (TagInvalidation message : messages) {
			bus.publish(message);
		}
		for (Planned p : planned) {
			stats.recordInvalidation(p.primitive);
		}
		sweepSoon();
		if (listeners.isEmpty()) {
			return;
		}
		for (Planned p : planned) {
			InvalidationEvent event = new InvalidationEvent(p.primitive, p.target, source, at, instanceId, profileName);
			for (InvalidationListener listener : listeners) {
				try {
					listener.onInvalidation(event);
				}
				catch (RuntimeException e) {
					LOG.log(Level.WARNING, "invalidation listener " + listener + " failed on " + event, e);
				}
			}
		}
	}

	private void receive(TagInvalidation message) {
		if (instanceId.equals(message.origin())) {
			return;
		}
		apply(message);
		sweepSoon();
	}

	/**
	 * Sweeps out dead entries unless a sweep ran within the sweep interval. Invalidations
	 * are what make entries dead before their expiry, so sweeping after them, at a
	 * bounded rate, keeps dead entries from piling up under a steady write stream (and
	 * costs nothing while nothing is written). Inline: one pass over the entries, a few
	 * milliseconds for tens of thousands, at most once per interval.
	 */
	private void sweepSoon() {
		long now = nowNanos();
		long last = lastSweepNanos.get();
		if (last != Long.MIN_VALUE && Nanos.minus(now, last) < sweepIntervalNanos) {
			return;
		}
		if (lastSweepNanos.compareAndSet(last, now)) {
			removeDeadEntries();
		}
	}

	/**
	 * Removes every entry that can never be served again. Only that exact entry: one
	 * replaced meanwhile by a fresh load stays.
	 */
	private void removeDeadEntries() {
		long now = nowNanos();
		Map<String, Entry> map = entries.asMap();
		for (Map.Entry<String, Entry> each : map.entrySet()) {
			if (statusOf(each.getValue(), now) == Entry.Status.DEAD) {
				map.remove(each.getKey(), each.getValue());
			}
		}
	}

	private void apply(TagInvalidation message) {
		epochs.accumulateAndGet(message.epoch(), Math::max);
		// No state means no entry and no load refers to the tag: nothing to invalidate.
		TagState state = tagStates.getIfPresent(message.tag());
		if (state == null) {
			return;
		}
		if (message.kind() == TagInvalidation.Kind.EXPIRE) {
			state.raiseExpire(message.epoch());
		}
		else {
			state.raiseStale(message.epoch(), message.at(), message.staleWindow());
		}
	}

	/**
	 * Expires everything this cache holds, and the result of every load already running:
	 * the next read of every key loads. For an instance that may have missed
	 * invalidations it can no longer learn (its bus tells it through
	 * {@link InvalidationBus#subscribeToGaps}, which this cache subscribes to), so it
	 * cannot tell which entries are still right. Local only: nothing is published,
	 * recorded or reported to listeners.
	 */
	public void invalidateAll() {
		// Loads are numbered before their loader runs, so a load numbered after this
		// read reads the data after whatever was missed.
		condemnedThrough.accumulateAndGet(loadSequence.get(), Math::max);
		// The dead entries would only be skipped; free their memory now.
		entries.invalidateAll();
	}

	/**
	 * Removes, on this instance only, every entry whose key contains {@code marker}, and
	 * returns how many: nothing is published, recorded or reported, and no tag changes.
	 * For entries that must never be served at all (what a warm-up stored for an org that
	 * does not exist), not for changed data: that is what the tag primitives are for. The
	 * tags only those entries used are held weakly and go with them.
	 */
	public int discardKeysContaining(String marker) {
		Names.requireKey(marker);
		int discarded = 0;
		Map<String, Entry> map = entries.asMap();
		for (Map.Entry<String, Entry> each : map.entrySet()) {
			if (each.getKey().contains(marker) && map.remove(each.getKey(), each.getValue())) {
				discarded++;
			}
		}
		return discarded;
	}

	// ---------------------------------------------------------------------------------------------
	// Profiles, stats, scopes

	/**
	 * A built-in profile ({@code "default"}, {@code "seconds"}, ... {@code "max"}) or one
	 * registered with {@link TagCacheBuilder#profile(CacheLife)}.
	 * @throws IllegalArgumentException for an unknown name
	 */
	public CacheLife profile(String name) {
		Objects.requireNonNull(name, "profile name must not be null");
		CacheLife custom = customProfiles.get(name);
		if (custom != null) {
			return custom;
		}
		return CacheLife.builtIn(name)
			.orElseThrow(() -> new IllegalArgumentException("unknown cache-life profile '" + name
					+ "': use a built-in one (default, seconds, minutes, hours, days, weeks, max) or register it"
					+ " with TagCache.builder().profile(...)"));
	}

	public CacheStats stats() {
		return stats.snapshot();
	}

	/** The approximate number of entries held, including dead ones not yet cleaned up. */
	public long estimatedSize() {
		return entries.estimatedSize();
	}

	/**
	 * The estimated bytes held, when the cache is bounded by
	 * {@link TagCacheBuilder#maximumWeight weight}; otherwise the number of entries (each
	 * weighs one).
	 */
	public long weightedSize() {
		return entries.policy().eviction().flatMap(eviction -> {
			var weighted = eviction.weightedSize();
			return weighted.isPresent() ? Optional.of(weighted.getAsLong()) : Optional.empty();
		}).orElse(entries.estimatedSize());
	}

	/**
	 * The bound: estimated bytes when bounded by weight, otherwise the most entries.
	 */
	public long maximumWeight() {
		return entries.policy().eviction().map(eviction -> eviction.getMaximum()).orElse(Long.MAX_VALUE);
	}

	/**
	 * Performs pending housekeeping now: removes the entries that can never be served
	 * again (see the class comment), then Caffeine's own (size eviction, expired
	 * entries), as Caffeine's {@code cleanUp}.
	 */
	public void cleanUp() {
		removeDeadEntries();
		entries.cleanUp();
		tagStates.cleanUp();
	}

	/** This cache's instance id, as it appears in events and bus messages. */
	public String instanceId() {
		return instanceId;
	}

	/**
	 * Marks the current thread as running {@code source} until the returned scope is
	 * closed (use try-with-resources). Scopes nest; closing one restores the previous
	 * source.
	 */
	public static InvocationScope openScope(InvocationSource source) {
		return Scopes.open(source);
	}

	/**
	 * The current thread's source: that of the innermost open scope,
	 * {@link InvocationSource#ROUTE} if none.
	 */
	public static InvocationSource currentSource() {
		return Scopes.current();
	}

	// ---------------------------------------------------------------------------------------------
	// Internals

	/**
	 * How many readers wait for the load in flight for {@code key} (0 if none); lets
	 * tests line threads up.
	 */
	int waitersFor(String key) {
		Load load = loads.get(key);
		return load == null ? 0 : load.waiters();
	}

	long nowNanos() {
		return Nanos.of(clock.instant());
	}

	/**
	 * The instance id a cache takes when its builder is given none: {@code hostname:pid}.
	 * For the parts of a cluster that must name this instance as its cache does (a
	 * journal's rows, say) before the cache is built.
	 */
	public static String defaultInstanceId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception e) {
			host = "localhost";
		}
		return host + ":" + ProcessHandle.current().pid();
	}

	/**
	 * Lets Caffeine drop an entry once it is older than its profile's {@code expire},
	 * freeing memory.
	 */
	private final class ExpireAtLifeExpire implements Expiry<String, Entry> {

		@Override
		public long expireAfterCreate(String key, Entry entry, long currentTime) {
			return entry.remainingNanos(currentTime + originNanos);
		}

		@Override
		public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
			return expireAfterCreate(key, entry, currentTime);
		}

		@Override
		public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

	/**
	 * One read: where it is stored, what it is called in messages, and how to load it.
	 */
	record Request(String storeKey, String displayKey, List<String> tags, CacheLife life, Supplier<?> loader,
			Predicate<Object> reusable) {
	}

	/**
	 * One tag invalidation, checked at call time and applied when the commit binding runs
	 * it.
	 */
	private record Planned(Primitive primitive, String target, String tag, TagInvalidation.Kind kind,
			Duration staleWindow) {
	}

}
