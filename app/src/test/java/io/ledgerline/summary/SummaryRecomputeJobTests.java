package io.ledgerline.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ledgerline.caching.OrgTags;
import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.jobs.JobSubmitter;
import io.ledgerline.summary.SummaryJobTestSupport.StoredRow;
import io.ledgerline.summary.SummaryJobTestSupport.Totals;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.JobRunnerByHand;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * The recompute job on the real runner (driven by hand): what it computes, what it
 * writes, what it invalidates and logs, what it refuses, and what a failure leaves
 * behind. Expected totals are summed from the raw invoice rows in the test.
 */
@IntegrationTest
class SummaryRecomputeJobTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ManualClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	List<Task<?>> tasks;

	@Autowired
	SummaryJobs jobs;

	@Autowired
	SummaryRecompute recompute;

	@Autowired
	JobSubmitter submitter;

	@Autowired
	TagCache cache;

	SummaryJobTestSupport db;

	JobRunnerByHand runner;

	TestOrg org;

	TestOrg other;

	@BeforeEach
	void setUp() {
		db = new SummaryJobTestSupport(jdbc);
		runner = JobRunnerByHand.over(dataSource, tasks, clock.instant());
		org = fixtures.org();
		other = fixtures.org();
		fixtures.invoice(org, "100.10");
		fixtures.invoice(org, "250.25");
		TestInvoice archived = fixtures.invoice(org, "40.00");
		TestInvoice deleted = fixtures.invoice(org, "7.77");
		db.archive(archived.id(), clock.instant());
		db.delete(deleted.id(), clock.instant());
		fixtures.invoice(other, "999.99");
	}

	@AfterEach
	void removeHook() {
		recompute.afterCount(null);
	}

	@Test
	void recomputeReturnsTheActiveCountAndTotalAndTouchesNoOtherOrg() {
		db.corrupt(org.id(), 0, "0.00");
		StoredRow otherBefore = db.stored(other.id());
		Totals expected = db.expectedFromRawRows(org.id());
		assertThat(expected).isEqualTo(new Totals(2, new java.math.BigDecimal("350.35")));

		RecomputeResult result = recompute.run(jobs.queue(), org.id()).orElseThrow();

		assertThat(result).isEqualTo(new RecomputeResult(org.id(), expected.count(), expected.total()));
		StoredRow stored = db.stored(org.id());
		assertThat(stored.count()).isEqualTo(expected.count());
		assertThat(stored.total()).isEqualByComparingTo(expected.total());
		assertThat(db.stored(other.id())).isEqualTo(otherBefore);
	}

	@Test
	void theJobCreatesThenReplacesExactlyOneRowWithAFreshTimestamp() {
		db.deleteSummary(org.id());
		clock.advance(Duration.ofSeconds(5));

		assertThat(jobs.enqueue(org.id())).isEqualTo(SummaryJobs.Enqueued.QUEUED);
		runner.runDue();

		assertThat(db.summaryRows(org.id())).isEqualTo(1);
		StoredRow created = db.stored(org.id());
		assertThat(created.updatedAt()).isEqualTo(clock.instant());
		assertThat(created.total()).isEqualByComparingTo(db.expectedFromRawRows(org.id()).total());

		db.importInvoice(org.id(), "IMP-1", "10.00", clock.instant());
		clock.advance(Duration.ofSeconds(5));
		jobs.enqueue(org.id());
		runner.runDue();

		assertThat(db.summaryRows(org.id())).isEqualTo(1);
		StoredRow replaced = db.stored(org.id());
		assertThat(replaced.updatedAt()).isEqualTo(clock.instant()).isAfter(created.updatedAt());
		Totals expected = db.expectedFromRawRows(org.id());
		assertThat(replaced.count()).isEqualTo(expected.count()).isEqualTo(3);
		assertThat(replaced.total()).isEqualByComparingTo(expected.total()).isEqualByComparingTo("360.35");
		assertThat(db.runOutcomes(org.id())).containsExactly("done", "done");
		assertThat(db.pendingFor(org.id())).isEmpty();
	}

	@Test
	void aSummaryRowCorruptedInTheDatabaseIsPutRight() {
		db.corrupt(org.id(), 999, "1.23");

		jobs.enqueue(org.id());
		runner.runDue();

		Totals expected = db.expectedFromRawRows(org.id());
		StoredRow stored = db.stored(org.id());
		assertThat(stored.count()).isEqualTo(expected.count());
		assertThat(stored.total()).isEqualByComparingTo(expected.total());
	}

	@Test
	void theJobRevalidatesTheSummaryTagWithMaxAndLogsExactlyOneJobEntry() {
		long before = db.lastInvalidationId();

		jobs.enqueue(org.id());
		runner.runDue();

		assertThat(mine(db.invalidationsSince(before)))
			.containsExactly("revalidateTag " + InvoiceTags.summary(org.id()) + " job max");
	}

	@Test
	void updateTagFromTheJobsContextThrows() {
		AtomicReference<RuntimeException> refused = new AtomicReference<>();
		recompute.afterCount(orgId -> {
			try {
				cache.updateTag(InvoiceTags.summary(orgId));
			}
			catch (IllegalStateException e) {
				refused.set(e);
			}
		});
		long before = db.lastInvalidationId();

		jobs.enqueue(org.id());
		runner.runDue();

		assertThat(refused.get()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("only available inside an action");
		assertThat(mine(db.invalidationsSince(before)))
			.containsExactly("revalidateTag " + InvoiceTags.summary(org.id()) + " job max");
	}

	@Test
	void invalidPayloadsAreRefusedWithNoRowWrittenNoLogEntryAndNoRetry() {
		db.corrupt(org.id(), 999, "1.23");
		StoredRow before = db.stored(org.id());
		long logBefore = db.lastInvalidationId();
		List<String> payloads = List.of("", "   ", "{}", "{\"orgId\":null}", "{\"orgId\":\"\"}", "{\"orgId\":\"  \"}",
				"{\"orgId\":\"no-such-org\"}", "{\"orgId\":\"" + org.id() + "\",\"extra\":1}",
				"{\"orgId\":\"" + org.id() + "\",\"orgId\":\"" + other.id() + "\"}", "{\"orgId\":42}",
				"[\"" + org.id() + "\"]", "not json");
		for (int i = 0; i < payloads.size(); i++) {
			submitter.submitIfAbsent(new TaskInstance<>(SummaryJobs.TASK, org.id() + "-bad-" + i, payloads.get(i)),
					clock.instant());
		}

		runner.runDue();

		assertThat(db.stored(org.id())).isEqualTo(before);
		assertThat(db.invalidationsSince(logBefore)).isEmpty();
		assertThat(db.runOutcomes(org.id())).isEmpty();
		assertThat(db.pendingFor(org.id())).as("refused, not retried").isEmpty();
	}

	@Test
	void triggersWithABadOrgAreRefusedBeforeAnythingIsQueued() {
		assertThatThrownBy(() -> jobs.enqueue(null)).isInstanceOf(InvalidJobPayloadException.class)
			.hasMessageContaining("blank");
		assertThatThrownBy(() -> jobs.enqueue("  ")).isInstanceOf(InvalidJobPayloadException.class)
			.hasMessageContaining("blank");
		assertThatThrownBy(() -> jobs.enqueue("no-such-org")).isInstanceOf(InvalidJobPayloadException.class)
			.hasMessageContaining("Unknown org");
		assertThatThrownBy(() -> jobs.enqueue("x'; DROP TABLE orgs; --"))
			.isInstanceOf(InvalidJobPayloadException.class);
		assertThat(db.pendingFor("no-such-org")).isEmpty();
	}

	@Test
	void aJobWhoseTransactionFailsAfterTheCountChangesNothingAndIsRetried() {
		db.corrupt(org.id(), 999, "1.23");
		StoredRow before = db.stored(org.id());
		long logBefore = db.lastInvalidationId();
		recompute.afterCount(orgId -> {
			throw new IllegalStateException("killed after the count");
		});
		clock.advance(Duration.ofSeconds(1));

		jobs.enqueue(org.id());
		runner.runDue();

		assertThat(db.stored(org.id())).isEqualTo(before);
		assertThat(db.invalidationsSince(logBefore)).isEmpty();
		assertThat(db.runOutcomes(org.id())).containsExactly("failed");
		assertThat(db.pendingFor(org.id())).as("kept for a retry").containsExactly(org.id());
		assertThat(db.consecutiveFailures(org.id())).isEqualTo(1);

		recompute.afterCount(null);
		runner.runDue();
		assertThat(db.runOutcomes(org.id())).as("not before the retry delay").containsExactly("failed");
		runner.advance(Duration.ofSeconds(31));
		runner.runDue();

		Totals expected = db.expectedFromRawRows(org.id());
		StoredRow after = db.stored(org.id());
		assertThat(after.count()).isEqualTo(expected.count());
		assertThat(after.total()).isEqualByComparingTo(expected.total());
		assertThat(db.runOutcomes(org.id())).containsExactly("failed", "done");
		assertThat(mine(db.invalidationsSince(logBefore)))
			.containsExactly("revalidateTag " + InvoiceTags.summary(org.id()) + " job max");
		assertThat(db.pendingFor(org.id())).isEmpty();
	}

	private List<String> mine(List<String> entries) {
		return entries.stream().filter(e -> e.contains(OrgTags.prefix(org.id()))).toList();
	}

}
