package io.ledgerline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import io.ledgerline.invoices.InvoiceReads;
import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.invoices.OverdueSummary;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.StatementLog;
import io.ledgerline.summary.OrgSummary;
import io.ledgerline.tagcache.TagInvalidation;
import io.ledgerline.tagcache.redis.RedisRefreshCoordinator;

/**
 * A refresh shared by the cluster, on a cluster of its own: {@link ClusterTests} stops
 * and empties its Redis, and a Redis that lost its data is a case of its own (see the
 * known issue in docs/CACHING.md), not the steady state this class measures.
 */
@Tag("cluster")
class SharedRefreshClusterTests {

	static TestCluster cluster;

	static ClusterTests.Instance a;

	static ClusterTests.Instance b;

	@BeforeAll
	static void startCluster() {
		cluster = TestCluster.startOnPostgres();
		a = cluster.a();
		b = cluster.b();
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	/**
	 * What the summary recompute does ({@code revalidateTag(summary, "max")} after fixing
	 * a drifted row): A and B serve the old figures at once, and one of them reads the
	 * database for the whole cluster; the other takes its result over Redis.
	 */
	@Test
	void aRevalidatedSummaryIsReadFromTheDatabaseOnceForTheCluster() throws Exception {
		InvoiceReads onA = a.bean(InvoiceReads.class);
		InvoiceReads onB = b.bean(InvoiceReads.class);
		Fixtures.TestOrg org = a.bean(Fixtures.class).org();
		a.bean(Fixtures.class).invoice(org, "100.00");
		OrgSummary before = onA.summary(org.id()).value();
		assertThat(onB.summary(org.id()).value()).isEqualTo(before);
		OverdueSummary overdueBefore = onA.overdue(org.id()).value();
		assertThat(onB.overdue(org.id()).value()).isEqualTo(overdueBefore);
		a.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("UPDATE org_invoice_summaries SET active_count = active_count + 7 WHERE org_id = ?")
			.param(org.id())
			.update();
		List<TagInvalidation> heard = new CopyOnWriteArrayList<>();
		b.follower().subscribe(heard::add);
		RedisRefreshCoordinator.Counts leadsBefore = refreshCounts();

		List<String> statements = StatementLog.everywhere(() -> {
			a.cache().revalidateTag(InvoiceTags.summary(org.id()), "max");
			ClusterTests.await("b heard it",
					() -> heard.stream().anyMatch(m -> m.tag().equals(InvoiceTags.summary(org.id()))));
			assertThat(onA.summary(org.id()).value()).as("stale on A, at once").isEqualTo(before);
			assertThat(onB.summary(org.id()).value()).as("stale on B, at once").isEqualTo(before);
			onA.overdue(org.id());
			onB.overdue(org.id());
			ClusterTests.await("fresh on both",
					() -> onA.summary(org.id()).value().activeCount() == before.activeCount() + 7
							&& onB.summary(org.id()).value().activeCount() == before.activeCount() + 7);
			ClusterTests.await("the overdue count settled on both",
					() -> refreshCounts().leads() - leadsBefore.leads() == 2
							&& onA.overdue(org.id()).fetchedAt().equals(onB.overdue(org.id()).fetchedAt()));
		});

		assertThat(statements).as("one summary read for A and B")
			.filteredOn(sql -> sql.startsWith("SELECT org_id, active_count, active_total FROM org_invoice_summaries"))
			.hasSize(1);
		assertThat(statements).as("one overdue count for A and B")
			.filteredOn(sql -> sql.startsWith("SELECT COUNT(*) AS overdue_count"))
			.hasSize(1);
		RedisRefreshCoordinator.Counts after = refreshCounts();
		assertThat(after.leads() - leadsBefore.leads()).as("one lead per key").isEqualTo(2);
		assertThat(after.alone()).as("Redis was there: nobody refreshed alone").isEqualTo(leadsBefore.alone());
	}

	/** A's and B's shared-refresh claims together (C is on another prefix). */
	static RedisRefreshCoordinator.Counts refreshCounts() {
		RedisRefreshCoordinator.Counts onA = a.bean(RedisRefreshCoordinator.class).counts();
		RedisRefreshCoordinator.Counts onB = b.bean(RedisRefreshCoordinator.class).counts();
		return new RedisRefreshCoordinator.Counts(onA.leads() + onB.leads(), onA.follows() + onB.follows(),
				onA.takes() + onB.takes(), onA.alone() + onB.alone(), onA.received() + onB.received());
	}

}
