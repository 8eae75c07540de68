package io.ledgerline.tagcache.spring.boot.autoconfigure;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.ledgerline.tagcache.CommitBinding;

/**
 * "Commit, then invalidate" by construction, on Spring's transaction synchronization: an
 * invalidation asked for inside a transaction runs right after it commits and is dropped
 * if it rolls back; outside one it runs at once.
 */
final class TransactionCommitBinding implements CommitBinding {

	@Override
	public void execute(Runnable invalidation) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			invalidation.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				invalidation.run();
			}
		});
	}

}
