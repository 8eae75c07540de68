package io.ledgerline.summary;

import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.jobs.JobQueue;
import io.ledgerline.jobs.JobQueueSlots;
import io.ledgerline.tagcache.TagCache;

/**
 * Rebuilds one org's summary row from its invoices, in one transaction: take a queue
 * slot, lock the summary row, count and sum in one statement, upsert the row with a fresh
 * {@code updated_at}, and ask for {@code revalidateTag(summary, "max")}, which the commit
 * binding runs only once the transaction has committed (nobody is waiting on a job, so
 * the next visit is served the old totals and refreshes them in the background).
 *
 * <p>
 * Locking the summary row before counting orders the recompute with the invoice
 * mutations, which update that row in their own transactions: a mutation that committed
 * first is in the count; one that commits later applies its delta on top of the stored
 * result. Either way the row ends up right.
 */
@Component
class SummaryRecompute {

	private static final String LOCK = "SELECT org_id FROM org_invoice_summaries WHERE org_id = ? FOR UPDATE";

	private static final Consumer<String> NOTHING = orgId -> {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final JobQueueSlots slots;

	private final TagCache cache;

	private final SummaryRepository summaries;

	private volatile Consumer<String> afterCount = NOTHING;

	SummaryRecompute(JdbcClient jdbc, PlatformTransactionManager transactions, JobQueueSlots slots, TagCache cache,
			SummaryRepository summaries) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.slots = slots;
		this.cache = cache;
		this.summaries = summaries;
	}

	/**
	 * @return the stored result, or empty when the queue is at its concurrency limit
	 * (nothing was read or written; run it again later)
	 */
	Optional<RecomputeResult> run(JobQueue queue, String orgId) {
		return transaction.execute(status -> {
			if (!slots.tryAcquire(queue)) {
				return Optional.empty();
			}
			jdbc.sql(LOCK).param(orgId).query(String.class).optional();
			RecomputeResult result = summaries.countActive(orgId);
			afterCount.accept(orgId);
			summaries.store(result);
			cache.revalidateTag(SummaryTags.summary(orgId), "max");
			return Optional.of(result);
		});
	}

	/**
	 * Tests only: runs between the count and the write of every recompute (to fail or
	 * hold one there); {@code null} removes it.
	 */
	void afterCount(Consumer<String> hook) {
		this.afterCount = hook == null ? NOTHING : hook;
	}

}
