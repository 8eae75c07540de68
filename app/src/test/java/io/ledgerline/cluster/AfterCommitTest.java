package io.ledgerline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * "After the commit", with the synchronization switched on by hand: no app, no database.
 */
class AfterCommitTest {

	private final List<String> ran = new ArrayList<>();

	@AfterEach
	void clear() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void outsideATransactionItRunsAtOnce() {
		AfterCommit.run(() -> ran.add("now"));

		assertThat(ran).containsExactly("now");
	}

	@Test
	void insideATransactionItWaitsForTheCommit() {
		TransactionSynchronizationManager.initSynchronization();

		AfterCommit.run(() -> ran.add("after commit"));
		assertThat(ran).isEmpty();

		TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());
		assertThat(ran).containsExactly("after commit");
	}

	@Test
	void aRollbackDropsIt() {
		TransactionSynchronizationManager.initSynchronization();

		AfterCommit.run(() -> ran.add("after commit"));
		TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
				TransactionSynchronization.STATUS_ROLLED_BACK);

		assertThat(ran).isEmpty();
	}

}
