package io.ledgerline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.Task;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.JobRunnerByHand;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * "Run summary task" as a person clicks it: the job runs on the runner, the next view of
 * the inspector still shows the old totals (stale-while-revalidate), a later one the
 * recomputed totals, and the recent job runs list shows the run. An admin's recompute
 * button on the invoice list queues the same job.
 */
class SummaryJobBrowserTest extends BrowserTestBase {

	private static final Pattern INSPECTOR = Pattern.compile(".*/inspector$");

	@Autowired
	ManualClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	List<Task<?>> tasks;

	@Test
	void runSummaryThenTheJobRunsListAndTheRecomputedTotals() {
		TestOrg org = fixtures.org();
		fixtures.invoice(org, "100.00");
		JobRunnerByHand runner = JobRunnerByHand.over(dataSource, tasks, clock.instant());
		Page page = chromium.newContext().newPage();
		logIn(page, org.admin());
		page.navigate(url("/inspector"));
		String fetchedBefore = page.getByTestId("summary-fetched-at").getAttribute("datetime");
		assertThat(page.getByTestId("summary-total")).hasText("100.00");
		assertThat(page.getByTestId("job-runs-empty")).isVisible();
		importInvoice(org.id(), "5.00");
		clock.advance(Duration.ofSeconds(1));

		page.getByTestId("run-summary").click();
		page.waitForURL(INSPECTOR);
		assertThat(page.getByTestId("toast")).containsText("queued");
		runner.runDue();
		clock.advance(Duration.ofSeconds(1));

		page.reload();
		assertThat(page.getByTestId("summary-fetched-at")).hasAttribute("datetime", fetchedBefore);
		assertThat(page.getByTestId("summary-total")).hasText("100.00");
		Locator run = page.getByTestId("job-runs").locator("li[data-outcome=done]");
		assertThat(run).hasCount(1);
		assertThat(run).hasAttribute("data-org", org.id());
		assertThat(run.getByTestId("job-run-duration")).containsText("ms");

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			page.reload();
			return !fetchedBefore.equals(page.getByTestId("summary-fetched-at").getAttribute("datetime"));
		});
		assertThat(page.getByTestId("summary-total")).hasText("105.00");
		assertThat(page.getByTestId("summary-count")).hasText("2");
	}

	@Test
	void anAdminQueuesARecomputeFromTheInvoiceList() {
		TestOrg org = fixtures.org();
		Page page = chromium.newContext().newPage();
		logIn(page, org.admin());

		page.getByTestId("summary-recompute").click();
		waitForList(page);

		assertThat(page.getByTestId("toast")).containsText("queued");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?")
			.param(org.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		JobRunnerByHand.over(dataSource, tasks, clock.instant()).runDue();
	}

	private void importInvoice(String orgId, String total) {
		jdbc.sql(
				"""
						INSERT INTO invoices (org_id, invoice_number, customer_name, status, total, issued_on, due_on, version, created_at, updated_at)
						VALUES (?, ?, 'Imported', 'sent', ?, DATE '2026-11-01', DATE '2026-12-01', 1, ?, ?)""")
			.params(orgId, "IMP-" + orgId, new BigDecimal(total), clock.instant().atOffset(ZoneOffset.UTC),
					clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

}
