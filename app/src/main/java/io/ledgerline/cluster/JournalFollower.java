package io.ledgerline.cluster;

import java.time.Duration;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ledgerline.tagcache.InvalidationBus;
import io.ledgerline.tagcache.TagInvalidation;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;

/**
 * This instance's side of the journal, and the bus the cache sees: Redis for speed, the
 * journal for what Redis lost.
 *
 * <p>
 * It reads the journal (catches up) when the bus comes back, when a request carries a
 * causal token newer than what it has read, and every {@code catchUpInterval} while the
 * bus is down; while down it also bounds the age of what is served. Each journal row
 * becomes a message with a newly allocated epoch (the original epoch is not in the row:
 * epochs are allocated after the commit), so it condemns exactly the entries of the row's
 * tag loaded before the catch-up. Rows this instance wrote itself are skipped (it applied
 * them when they committed).
 *
 * <p>
 * Positions: identity values are allocated before commit, so a row may become visible
 * after a higher one. Each read therefore starts {@link #LOOKBACK} positions below the
 * highest read, and the positions already applied are remembered so none is applied
 * twice.
 *
 * <p>
 * The journal keeps a retention window ({@link JournalPruner}). A catch-up that finds the
 * pruned position above its own may have missed a deleted row and cannot know which tags
 * it named, so it condemns the whole cache (its gap subscribers: the cache's
 * {@code invalidateAll}), logs a warning, counts it, and moves on from the head. The same
 * happens when the Redis bus reports that records it missed were trimmed. So that a
 * healthy instance, which hears everything over Redis and seldom reads the journal, is
 * never mistaken for one that fell behind, it moves its position up while the bus stays
 * up ({@link #keepUp}).
 */
class JournalFollower implements InvalidationBus {

	private static final Logger LOG = LoggerFactory.getLogger(JournalFollower.class);

	static final long LOOKBACK = 1_000;

	private final RedisInvalidationBus redis;

	private final InvalidationJournal journal;

	private final String instanceId;

	private final Duration staleBound;

	private final List<Consumer<TagInvalidation>> subscribers = new CopyOnWriteArrayList<>();

	private final List<Consumer<String>> gapSubscribers = new CopyOnWriteArrayList<>();

	private final AtomicLong journalGaps = new AtomicLong();

	private final AtomicLong redisGaps = new AtomicLong();

	/** Counts the bus's outages, so {@link #keepUp} knows it stayed up in between. */
	private final AtomicLong outages = new AtomicLong();

	/** The head read by the previous {@link #keepUp}, and the outage count then. */
	private long previousHead = -1;

	private long outagesAtPreviousHead;

	private final NavigableSet<Long> applied = new ConcurrentSkipListSet<>();

	private final ScheduledExecutorService poller;

	private volatile long position;

	private volatile boolean degraded = true;

	JournalFollower(RedisInvalidationBus redis, InvalidationJournal journal, String instanceId, Duration staleBound,
			Duration catchUpInterval) {
		this.redis = redis;
		this.journal = journal;
		this.instanceId = instanceId;
		this.staleBound = staleBound;
		// A new cache holds nothing older than now: start at the journal's head.
		this.position = journal.head();
		this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "journal-catch-up");
			thread.setDaemon(true);
			return thread;
		});
		redis.addStateListener(this::busStateChanged);
		// The Redis bus has already logged why; the cache cannot know what it missed
		// either.
		redis.subscribeToGaps(reason -> {
			redisGaps.incrementAndGet();
			condemnEverything(reason);
		});
		poller.scheduleWithFixedDelay(this::poll, catchUpInterval.toMillis(), catchUpInterval.toMillis(),
				TimeUnit.MILLISECONDS);
		redis.start();
	}

	/** The journal position up to which this instance has applied every row. */
	long position() {
		return position;
	}

	boolean isDegraded() {
		return degraded;
	}

	/** The cache's age limit: the stale bound while the bus is down, else none. */
	Duration ageLimit() {
		return degraded ? staleBound : null;
	}

	/** Makes sure every row up to {@code seq} is applied (a causal token's promise). */
	void catchUpTo(long seq) {
		if (seq > position) {
			catchUp();
		}
	}

	/** Reads and applies what this instance has not applied yet. */
	synchronized int catchUp() {
		long from = position;
		List<InvalidationJournal.Row> rows = journal.after(Math.max(0, from - LOOKBACK));
		// Read after the rows: a row pruned in between counts as missed.
		long prunedThrough = journal.prunedThrough();
		if (prunedThrough > from) {
			return fellBehind(from, prunedThrough, rows);
		}
		long epoch = 0;
		int count = 0;
		long highest = position;
		for (InvalidationJournal.Row row : rows) {
			highest = Math.max(highest, row.seq());
			if (!applied.add(row.seq()) || instanceId.equals(row.origin())) {
				continue;
			}
			if (epoch == 0) {
				// One epoch for the whole batch: above everything this cache has seen.
				epoch = redis.nextEpoch(1);
			}
			deliver(new TagInvalidation(row.tag(), row.kind(), epoch, row.occurredAt(),
					row.kind() == TagInvalidation.Kind.STALE ? row.staleWindow() : null, "journal:" + row.origin()));
			count++;
		}
		position = highest;
		applied.headSet(highest - LOOKBACK).clear();
		if (count > 0) {
			LOG.info("Caught up {} invalidation(s) from the journal, now at position {}", count, highest);
		}
		return count;
	}

	/**
	 * Rows above {@code from} were pruned before this instance read them: whatever they
	 * invalidated, this cache may still hold. Condemn it all, and go on from the head.
	 */
	private int fellBehind(long from, long prunedThrough, List<InvalidationJournal.Row> rows) {
		long highest = prunedThrough;
		applied.clear();
		for (InvalidationJournal.Row row : rows) {
			highest = Math.max(highest, row.seq());
			applied.add(row.seq());
		}
		position = highest;
		journalGaps.incrementAndGet();
		LOG.warn(
				"Fell behind the invalidation journal: at position {} but rows up to {} were pruned (older than the"
						+ " retention); condemning every cached entry, continuing from position {}",
				from, prunedThrough, highest);
		condemnEverything("journal rows up to position " + prunedThrough + " were pruned before this instance read"
				+ " them (it was at " + from + ")");
		return 0;
	}

	private void condemnEverything(String reason) {
		for (Consumer<String> subscriber : gapSubscribers) {
			subscriber.accept(reason);
		}
	}

	/**
	 * While the bus is up, every row that commits reaches this instance over Redis, so
	 * its position may move up without reading the rows: to the head read one tick ago,
	 * if the bus stayed up since (a row allocated below that head but committed later
	 * still reaches it over Redis, or, after an outage, through the look-back).
	 */
	synchronized void keepUp() {
		long head = journal.head();
		long outagesNow = outages.get();
		if (!degraded && previousHead > position && outagesNow == outagesAtPreviousHead) {
			position = previousHead;
			applied.headSet(position - LOOKBACK).clear();
		}
		previousHead = head;
		outagesAtPreviousHead = outagesNow;
	}

	private void poll() {
		try {
			if (degraded) {
				catchUp();
			}
			else {
				keepUp();
			}
		}
		catch (RuntimeException e) {
			LOG.warn("Journal {} failed: {}", degraded ? "catch-up" : "read", e.getMessage());
		}
	}

	/**
	 * How often this instance condemned its whole cache: behind the journal, behind
	 * Redis.
	 */
	long journalGaps() {
		return journalGaps.get();
	}

	long redisGaps() {
		return redisGaps.get();
	}

	private void busStateChanged(boolean connected) {
		if (!connected) {
			outages.incrementAndGet();
			degraded = true;
			LOG.warn("Invalidation bus down: serving nothing older than {} until it is back", staleBound);
			return;
		}
		try {
			catchUp();
			degraded = false;
			LOG.info("Invalidation bus back; journal caught up to position {}", position);
		}
		catch (RuntimeException e) {
			// Still degraded: the poller tries again.
			LOG.warn("Journal catch-up after reconnect failed: {}", e.getMessage());
		}
	}

	private void deliver(TagInvalidation message) {
		for (Consumer<TagInvalidation> subscriber : subscribers) {
			subscriber.accept(message);
		}
	}

	// InvalidationBus: Redis, plus the journal's deliveries to the same subscribers.

	@Override
	public void publish(TagInvalidation message) {
		redis.publish(message);
	}

	@Override
	public void subscribe(Consumer<TagInvalidation> subscriber) {
		Objects.requireNonNull(subscriber, "subscriber");
		subscribers.add(subscriber);
		redis.subscribe(subscriber);
	}

	@Override
	public void subscribeToGaps(Consumer<String> subscriber) {
		gapSubscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
	}

	@Override
	public long nextEpoch(long proposed) {
		return redis.nextEpoch(proposed);
	}

	@Override
	public void close() {
		poller.shutdownNow();
		redis.close();
	}

}
