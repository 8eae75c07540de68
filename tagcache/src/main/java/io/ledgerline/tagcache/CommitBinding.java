package io.ledgerline.tagcache;

/**
 * Decides when an invalidation runs relative to the caller's database transaction.
 *
 * <p>
 * Invalidating before the commit throws away good cache for a write that may still fail,
 * and lets a concurrent read re-cache the old row; so an application with transactions
 * binds invalidations to the commit: inside a transaction, run the invalidation right
 * after the commit and drop it on rollback; outside one, run it now. The cache calls
 * {@link #execute} once per invalidation call, after its argument and scope checks.
 */
@FunctionalInterface
public interface CommitBinding {

	/** Runs {@code invalidation} now, or later, or never (rollback). */
	void execute(Runnable invalidation);

	/** No transactions: every invalidation runs immediately, on the calling thread. */
	CommitBinding IMMEDIATE = Runnable::run;

}
