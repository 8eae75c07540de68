package io.ledgerline.tagcache.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * "Commit, then invalidate", with the synchronization switched on by hand: no app, no
 * database.
 */
class TransactionCommitBindingTest {

	private final TransactionCommitBinding binding = new TransactionCommitBinding();

	private final List<String> ran = new ArrayList<>();

	@AfterEach
	void clear() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void outsideATransactionItRunsAtOnce() {
		binding.execute(() -> ran.add("now"));

		assertThat(ran).containsExactly("now");
	}

	@Test
	void insideATransactionItWaitsForTheCommit() {
		TransactionSynchronizationManager.initSynchronization();

		binding.execute(() -> ran.add("after commit"));
		assertThat(ran).isEmpty();

		TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());
		assertThat(ran).containsExactly("after commit");
	}

	@Test
	void aRollbackDropsIt() {
		TransactionSynchronizationManager.initSynchronization();

		binding.execute(() -> ran.add("after commit"));
		TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
				TransactionSynchronization.STATUS_ROLLED_BACK);

		assertThat(ran).isEmpty();
	}

}
