package io.ledgerline.caching;

import io.ledgerline.tagcache.CommitBinding;

/**
 * "Commit, then invalidate" by construction: an invalidation asked for inside a
 * transaction runs right after that transaction commits and is dropped if it rolls back.
 * Outside a transaction it runs at once.
 */
class SpringCommitBinding implements CommitBinding {

	@Override
	public void execute(Runnable invalidation) {
		AfterCommit.run(invalidation);
	}

}
