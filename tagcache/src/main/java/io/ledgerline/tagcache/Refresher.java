package io.ledgerline.tagcache;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The background refresh a stale read starts: at most one per entry at a time, on the
 * refresh executor. With a {@link RefreshCoordinator} it claims the refresh first, so
 * that one instance of a cluster refreshes a revalidated key for all of them, and it
 * installs the results the other instances share.
 */
final class Refresher {

	private static final System.Logger LOG = System.getLogger(TagCache.class.getName());

	private final TagCache cache;

	private final Executor executor;

	private final RefreshCoordinator coordinator;

	private final String instanceId;

	private final StatsCounter stats;

	Refresher(TagCache cache, Executor executor, RefreshCoordinator coordinator, String instanceId,
			StatsCounter stats) {
		this.cache = cache;
		this.executor = executor;
		this.coordinator = coordinator;
		this.instanceId = instanceId;
		this.stats = stats;
	}

	void start(Entry stale, TagCache.Request request) {
		if (stale.following != null && stale.followingAt(cache.nowNanos())) {
			return;
		}
		if (!stale.refreshing.compareAndSet(false, true)) {
			return;
		}
		stats.recordRefresh();
		try {
			executor.execute(() -> refresh(stale, request));
		}
		catch (RejectedExecutionException e) {
			stats.recordRefreshFailure();
			stale.refreshing.set(false);
			LOG.log(Level.WARNING, "could not schedule the refresh of key '" + request.displayKey() + "'", e);
		}
	}

	/**
	 * On the refresh executor: claims the refresh from the coordinator, then leads it,
	 * follows another instance's, takes its result, or (alone) refreshes here.
	 */
	private void refresh(Entry stale, TagCache.Request request) {
		boolean refreshed = false;
		try {
			RefreshCoordinator.Claim claim = claim(stale, request);
			if (claim instanceof RefreshCoordinator.Claim.Follow follow) {
				// Not refreshing here: a stale read after the lease claims again.
				long untilNanos = Nanos.minus(cache.nowNanos(), -Math.max(1, Nanos.of(follow.retryAfter())));
				stale.following = new Entry.Following(stale.tags.staleGeneration(), untilNanos);
				stale.refreshing.set(false);
			}
			else if (claim instanceof RefreshCoordinator.Claim.Take take && install(stale, take.result())) {
				// Another instance's result replaced the stale entry: no load here.
			}
			else if (claim instanceof RefreshCoordinator.Claim.Lead lead) {
				lead(request, lead);
			}
			else {
				cache.store(request.storeKey(),
						cache.runLoader(request, cache.snapshot(request.tags()), cache.nextSequence()));
			}
			refreshed = true;
		}
		catch (RuntimeException e) {
			LOG.log(Level.WARNING,
					"refresh of key '" + request.displayKey() + "' failed; serving the stale value until it expires",
					e);
		}
		finally {
			if (!refreshed) {
				stats.recordRefreshFailure();
				// Let a later stale read try again.
				stale.refreshing.set(false);
			}
		}
	}

	private RefreshCoordinator.Claim claim(Entry stale, TagCache.Request request) {
		if (coordinator == RefreshCoordinator.INDEPENDENT) {
			return RefreshCoordinator.Claim.ALONE;
		}
		long generation = stale.tags.staleGeneration();
		if (generation == 0 || !coordinator.shares(request.storeKey(), stale.value())) {
			return RefreshCoordinator.Claim.ALONE;
		}
		try {
			return coordinator.claim(request.storeKey(), generation);
		}
		catch (RuntimeException e) {
			LOG.log(Level.WARNING, "could not claim the refresh of key '" + request.displayKey() + "'; refreshing here",
					e);
			return RefreshCoordinator.Claim.ALONE;
		}
	}

	/**
	 * Runs the loader for the cluster: stores the entry here and hands it to the
	 * coordinator; on failure, ends the lease so another instance may try.
	 */
	private void lead(TagCache.Request request, RefreshCoordinator.Claim.Lead lead) {
		TagSnapshot tags = cache.snapshot(request.tags());
		Entry entry;
		try {
			entry = cache.runLoader(request, tags, cache.nextSequence());
		}
		catch (RuntimeException | Error failure) {
			try {
				coordinator.abandon(lead);
			}
			catch (RuntimeException e) {
				failure.addSuppressed(e);
			}
			throw failure;
		}
		cache.store(request.storeKey(), entry);
		try {
			coordinator.complete(lead, new SharedRefresh(request.storeKey(), lead.generation(), entry.value(),
					entry.fetchedAt, tags.seen(request.tags()), instanceId));
		}
		catch (RuntimeException e) {
			// Refreshed here anyway; the others claim again once the lease runs out.
			LOG.log(Level.WARNING, "could not share the refresh of key '" + request.displayKey() + "'", e);
		}
	}

	/** A result another instance completed: it replaces this cache's stale entry. */
	void receiveShared(SharedRefresh result) {
		if (instanceId.equals(result.origin())) {
			return;
		}
		Entry current = cache.entry(result.key());
		if (current != null && cache.statusOf(current, cache.nowNanos()) == Entry.Status.STALE) {
			install(current, result);
		}
	}

	/**
	 * Replaces {@code stale} (only that entry: a newer one stays) with {@code result},
	 * judged by the lower of the epochs its leader saw and those seen here (see
	 * {@link SharedRefresh}). {@code false} when the result cannot stand in for it: other
	 * tags, or invalidated here since.
	 */
	private boolean install(Entry stale, SharedRefresh result) {
		TagState[] states = new TagState[result.tags().size()];
		for (int i = 0; i < states.length; i++) {
			states[i] = cache.tagState(result.tags().get(i).tag());
		}
		TagSnapshot seen = stale.tags.seenElsewhere(states, result.tags());
		if (seen == null) {
			return false;
		}
		Entry entry = new Entry(result.value(), result.fetchedAt(), stale.life, seen, cache.nextSequence(),
				cache.weigh(result.value()));
		if (cache.statusOf(entry, cache.nowNanos()) == Entry.Status.DEAD) {
			return false;
		}
		cache.replace(result.key(), stale, entry);
		return true;
	}

}
