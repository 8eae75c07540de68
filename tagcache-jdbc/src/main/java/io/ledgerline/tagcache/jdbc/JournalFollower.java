package io.ledgerline.tagcache.jdbc;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.ledgerline.tagcache.InvalidationBus;
import io.ledgerline.tagcache.TagInvalidation;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;

/**
 * This instance's side of the journal, and the bus the cache sees: Redis for speed, the
 * journal for what Redis lost.
 *
 * <p>
 * It reads the journal (catches up) when the bus comes back, when a request carries a
 * causal token for a position it has not read, and every {@code catchUpInterval} while
 * the bus is down; while down it also bounds the age of what is served. Each journal row
 * becomes a message with a newly allocated epoch (the original epoch is not in the row:
 * epochs are allocated after the commit), so it condemns exactly the entries of the row's
 * tag loaded before the catch-up. Rows this instance wrote itself are skipped (it applied
 * them when they committed).
 *
 * <p>
 * Positions: a read asks for the rows above the highest position read (a seek on the
 * primary key) and for the {@link JournalGaps gaps}, the positions below it that had not
 * appeared: identity values are allocated before the commit, so a row may become visible
 * after a higher one. A gap is delivered when its row appears, once; it is given up when
 * older than the gap timeout (it rolled back: no transaction lives that long) and, with
 * the cache condemned, when at or below the pruned position or when a jump of the
 * sequence would open more than {@link JournalGaps#MAX_PENDING}. A token for a position
 * still in a gap makes the instance read too. Every catch-up is timed and counted, and
 * logged at DEBUG only: one may happen per request.
 *
 * <p>
 * The journal keeps a retention window ({@link JournalPruner}). A catch-up that finds the
 * pruned position above its own may have missed a deleted row and cannot know which tags
 * it named, so it condemns the whole cache (its gap subscribers: the cache's
 * {@code invalidateAll}), logs a warning, counts it, and moves on from the head. The same
 * happens when the Redis bus reports that records it missed were trimmed. So that a
 * healthy instance, which hears everything over Redis and seldom reads the journal, is
 * never mistaken for one that fell behind, and a token's catch-up has few rows to read,
 * it moves its position up while the bus stays up ({@link #keepUp}).
 *
 * <p>
 * Made by {@link #builder}; {@link Builder#start()} reads the journal's head and starts
 * the Redis bus (give it one not started yet), and {@link #close()} stops both.
 */
public final class JournalFollower implements InvalidationBus {

	private static final System.Logger LOG = System.getLogger(JournalFollower.class.getName());

	/**
	 * How far below the head a new instance looks for positions not committed yet: only
	 * once, at the start.
	 */
	static final long STARTUP_LOOKBACK = 1_000;

	private final RedisInvalidationBus redis;

	private final InvalidationJournal journal;

	private final String instanceId;

	private final Duration staleBound;

	private final Clock clock;

	private final JournalGaps gaps;

	private final List<Consumer<TagInvalidation>> subscribers = new CopyOnWriteArrayList<>();

	private final List<Consumer<String>> gapSubscribers = new CopyOnWriteArrayList<>();

	private final AtomicLong journalGaps = new AtomicLong();

	private final AtomicLong redisGaps = new AtomicLong();

	private final AtomicLong lostGaps = new AtomicLong();

	private final AtomicLong catchUps = new AtomicLong();

	private final AtomicLong catchUpNanos = new AtomicLong();

	private final AtomicLong delivered = new AtomicLong();

	/** Counts the bus's outages, so {@link #keepUp} knows it stayed up in between. */
	private final AtomicLong outages = new AtomicLong();

	/** What the previous {@link #keepUp} saw; null after an outage. */
	private Sighting previous;

	private final ScheduledExecutorService poller;

	private volatile long position;

	private volatile boolean degraded = true;

	private JournalFollower(Builder builder) {
		this.redis = builder.redis;
		this.journal = builder.journal;
		this.instanceId = builder.instanceId;
		this.staleBound = builder.staleBound;
		this.clock = builder.clock;
		this.gaps = new JournalGaps(builder.gapTimeout);
		// A new cache holds nothing older than now: start at the journal's head, minding
		// the transactions below it that have not committed yet.
		long head = journal.head();
		long from = Math.max(journal.prunedThrough(), head - STARTUP_LOOKBACK);
		this.position = from;
		advance(journal.positionsAfter(from, List.of()), head, clock.instant());
		this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "journal-catch-up");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Follows {@code journal}, with {@code redis} (not started yet) for speed. */
	public static Builder builder(InvalidationJournal journal, RedisInvalidationBus redis) {
		return new Builder(journal, redis);
	}

	private JournalFollower start(Duration catchUpInterval) {
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
		return this;
	}

	/**
	 * The highest journal position this instance has read; every row up to it is applied
	 * except the pending gaps'.
	 */
	public long position() {
		return position;
	}

	/**
	 * Whether the bus is down (or not caught up since it came back): then nothing older
	 * than the stale bound is served and the journal is polled.
	 */
	public boolean isDegraded() {
		return degraded;
	}

	/** The cache's age limit: the stale bound while the bus is down, else none. */
	public Duration ageLimit() {
		return degraded ? staleBound : null;
	}

	/**
	 * Makes sure the row at {@code seq} is applied if it has committed (a causal token's
	 * promise). Requests that wait for the same read share it.
	 */
	public void catchUpTo(long seq) {
		if (!hasRead(seq)) {
			synchronized (this) {
				if (!hasRead(seq)) {
					catchUp();
				}
			}
		}
	}

	/** Whether the row at {@code seq}, if it committed, is applied. */
	public boolean hasRead(long seq) {
		return seq <= position && !gaps.isPending(seq);
	}

	/** Reads and applies what this instance has not applied yet. */
	public synchronized int catchUp() {
		long started = System.nanoTime();
		long from = position;
		List<InvalidationJournal.Row> rows = journal.after(from, gaps.positions());
		// Read after the rows: a row pruned in between counts as missed.
		long prunedThrough = journal.prunedThrough();
		int count = prunedThrough > from ? fellBehind(from, prunedThrough, rows) : apply(rows, prunedThrough);
		long nanos = System.nanoTime() - started;
		catchUps.incrementAndGet();
		catchUpNanos.addAndGet(nanos);
		LOG.log(Level.DEBUG, () -> "Caught up " + count + " invalidation(s) from the journal in " + nanos / 1_000
				+ " µs, at position " + position + " with " + gaps.size() + " gap(s)");
		return count;
	}

	private int apply(List<InvalidationJournal.Row> rows, long prunedThrough) {
		long epoch = 0;
		int count = 0;
		Instant now = clock.instant();
		for (InvalidationJournal.Row row : rows) {
			boolean above = row.seq() > position;
			if (!above && !gaps.isPending(row.seq())) {
				continue;
			}
			if (!instanceId.equals(row.origin())) {
				if (epoch == 0) {
					// One epoch for the whole batch: above everything this cache has
					// seen.
					epoch = redis.nextEpoch(1);
				}
				deliver(new TagInvalidation(row.tag(), row.kind(), epoch, row.occurredAt(),
						row.kind() == TagInvalidation.Kind.STALE ? row.staleWindow() : null,
						"journal:" + row.origin()));
				count++;
			}
			// Only once delivered: a request that finds the row read is served at once.
			if (above) {
				advance(row.position(), now);
			}
			else {
				gaps.fill(row.seq());
			}
		}
		delivered.addAndGet(count);
		if (gaps.giveUp(now, prunedThrough) > 0) {
			lostGaps("positions up to " + prunedThrough + " were pruned while this instance waited for them");
		}
		return count;
	}

	/**
	 * Moves the position up to {@code to}, opening a gap at every position skipped first
	 * (a request reads the position, then the gaps).
	 */
	private void advance(InvalidationJournal.Position to, Instant now) {
		Instant allocatedBy = to.occurredAt().isBefore(now) ? to.occurredAt() : now;
		if (!gaps.open(position, to.seq(), allocatedBy)) {
			lostGaps("the journal's sequence jumped from " + position + " to " + to.seq());
		}
		position = to.seq();
	}

	/**
	 * Advances over {@code seen}, positions already applied or heard, up to {@code head}:
	 * a position up to it not seen is a gap, except at or below the pruned {@code head}
	 * itself, which only moves the position.
	 */
	private void advance(List<InvalidationJournal.Position> seen, long head, Instant now) {
		for (InvalidationJournal.Position seq : seen) {
			if (seq.seq() > head) {
				break;
			}
			if (seq.seq() > position) {
				advance(seq, now);
			}
			else {
				gaps.fill(seq.seq());
			}
		}
		position = Math.max(position, head);
	}

	/**
	 * A gap's row may have committed and been deleted, or the gaps cannot all be tracked:
	 * condemn everything rather than guess.
	 */
	private void lostGaps(String why) {
		// Condemned before the gaps go: a request finding its position read is served.
		condemnEverything(why);
		gaps.clear();
		lostGaps.incrementAndGet();
		LOG.log(Level.WARNING,
				"Gave up on positions of the invalidation journal not seen yet: {0}; condemned every cached entry",
				why);
	}

	/**
	 * Rows above {@code from} were pruned before this instance read them: whatever they
	 * invalidated, this cache may still hold. Condemn it all, and go on from the head.
	 */
	private int fellBehind(long from, long prunedThrough, List<InvalidationJournal.Row> rows) {
		// Condemned before the position moves: a request finding its position read is
		// served.
		condemnEverything("journal rows up to position " + prunedThrough + " were pruned before this instance read"
				+ " them (it was at " + from + ")");
		gaps.clear();
		position = prunedThrough;
		long highest = rows.isEmpty() ? prunedThrough : Math.max(prunedThrough, rows.get(rows.size() - 1).seq());
		advance(rows.stream().map(InvalidationJournal.Row::position).toList(), highest, clock.instant());
		journalGaps.incrementAndGet();
		LOG.log(Level.WARNING,
				"Fell behind the invalidation journal: at position {0} but rows up to {1} were pruned (older than the"
						+ " retention); condemned every cached entry, continuing from position {2}",
				from, prunedThrough, position);
		return 0;
	}

	private void condemnEverything(String reason) {
		for (Consumer<String> subscriber : gapSubscribers) {
			subscriber.accept(reason);
		}
	}

	/**
	 * While the bus is up, every row that commits reaches this instance over Redis, so
	 * its position may move up without applying the rows: to the head seen one tick ago,
	 * if the bus stayed up since. The rows visible then are taken as heard (they
	 * committed a tick ago); the positions missing then become gaps (a row allocated
	 * below that head and committed later still reaches it over Redis, or, after an
	 * outage, through the gap's re-check).
	 */
	public synchronized void keepUp() {
		long head = journal.head();
		long outagesNow = outages.get();
		if (!degraded && previous != null && outagesNow == previous.outages()) {
			advance(previous.seen(), previous.head(), previous.at());
		}
		previous = degraded ? null
				: new Sighting(head, journal.positionsAfter(position, gaps.positions()), outagesNow, clock.instant());
		gaps.giveUp(clock.instant(), Long.MIN_VALUE);
	}

	/** The journal as {@link #keepUp} saw it: the head and the positions visible. */
	private record Sighting(long head, List<InvalidationJournal.Position> seen, long outages, Instant at) {
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
			LOG.log(Level.WARNING, "Journal {0} failed: {1}", degraded ? "catch-up" : "read", e.getMessage());
		}
	}

	/**
	 * How often this instance condemned its whole cache: behind the journal, behind
	 * Redis.
	 */
	public long journalGaps() {
		return journalGaps.get();
	}

	public long redisGaps() {
		return redisGaps.get();
	}

	/** How often it condemned its whole cache for gaps it could not wait for. */
	public long lostGaps() {
		return lostGaps.get();
	}

	/** Catch-ups done, and the time they took. */
	public long catchUps() {
		return catchUps.get();
	}

	public double catchUpSeconds() {
		return catchUpNanos.get() / 1e9;
	}

	/** Rows applied from the journal. */
	public long delivered() {
		return delivered.get();
	}

	public JournalGaps gaps() {
		return gaps;
	}

	private void busStateChanged(boolean connected) {
		if (!connected) {
			outages.incrementAndGet();
			degraded = true;
			LOG.log(Level.WARNING, "Invalidation bus down: serving nothing older than {0} until it is back",
					staleBound);
			return;
		}
		try {
			catchUp();
			degraded = false;
			LOG.log(Level.INFO, "Invalidation bus back; journal caught up to position {0}", position);
		}
		catch (RuntimeException e) {
			// Still degraded: the poller tries again.
			LOG.log(Level.WARNING, "Journal catch-up after reconnect failed: {0}", e.getMessage());
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

	/**
	 * Builds and starts a {@link JournalFollower}. The instance id is required; by
	 * default the stale bound is 5 s, the catch-up interval 1 s and the gap timeout 1 min
	 * (keep it at most half the journal's retention, so a rollback's gap is given up
	 * before the rows around it are pruned).
	 */
	public static final class Builder {

		private final InvalidationJournal journal;

		private final RedisInvalidationBus redis;

		private String instanceId;

		private Duration staleBound = Duration.ofSeconds(5);

		private Duration catchUpInterval = Duration.ofSeconds(1);

		private Duration gapTimeout = Duration.ofMinutes(1);

		private Clock clock = Clock.systemUTC();

		private Builder(InvalidationJournal journal, RedisInvalidationBus redis) {
			this.journal = Objects.requireNonNull(journal, "journal");
			this.redis = Objects.requireNonNull(redis, "redis");
		}

		/**
		 * This instance's id, as the cache's and the recorder's: its own rows are
		 * skipped.
		 */
		public Builder instanceId(String instanceId) {
			this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
			return this;
		}

		/** While the bus is down, nothing older than this is served. */
		public Builder staleBound(Duration staleBound) {
			this.staleBound = positive(staleBound, "staleBound");
			return this;
		}

		/**
		 * While the bus is down, how often the journal is read; while it is up, how often
		 * the position moves up to the head.
		 */
		public Builder catchUpInterval(Duration catchUpInterval) {
			this.catchUpInterval = positive(catchUpInterval, "catchUpInterval");
			return this;
		}

		/**
		 * How long a position skipped by higher rows is looked for before it is taken for
		 * a rollback: above the longest transaction that records invalidations.
		 */
		public Builder gapTimeout(Duration gapTimeout) {
			this.gapTimeout = positive(gapTimeout, "gapTimeout");
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** Reads the journal's head, then starts the Redis bus and the poller. */
		public JournalFollower start() {
			if (instanceId == null) {
				throw new IllegalStateException(
						"instanceId is required: the follower skips this instance's own rows by it");
			}
			return new JournalFollower(this).start(catchUpInterval);
		}

		private static Duration positive(Duration duration, String name) {
			Objects.requireNonNull(duration, name);
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, was " + duration);
			}
			return duration;
		}

	}

}
