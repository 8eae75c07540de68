package io.ledgerline.summary;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.Task;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.JobRunnerByHand;
import io.ledgerline.support.PageHtml;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.web.Toast;

/**
 * The recompute's triggers over HTTP and the stale-while-revalidate it ends with: after
 * "Run summary task" has run, the next inspector view still shows the old totals and
 * fetched-at, the one after shows the recomputed totals and a later fetched-at.
 */
@IntegrationTest
class SummaryRecomputeHttpTests {

	@Autowired
	MockMvc mvc;

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
	TagCache cache;

	SummaryJobTestSupport db;

	JobRunnerByHand runner;

	TestOrg org;

	@BeforeEach
	void setUp() {
		db = new SummaryJobTestSupport(jdbc);
		runner = JobRunnerByHand.over(dataSource, tasks, clock.instant());
		org = fixtures.org();
		fixtures.invoice(org, "100.00");
		fixtures.invoice(org, "20.50");
	}

	@Test
	void runSummaryServesTheOldTotalsOnceThenTheRecomputedOnes() throws Exception {
		PageHtml before = inspector(org.admin());
		String fetchedBefore = before.time("summary-fetched-at");
		assertThat(before.text("summary-total")).isEqualTo("120.50");
		db.importInvoice(org.id(), "IMP-" + org.id(), "9.50", clock.instant());
		clock.advance(Duration.ofSeconds(1));

		MvcResult run = mvc.perform(form(org.admin(), "/inspector/run-summary"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/inspector"))
			.andReturn();
		assertThat(toast(run).kind()).isEqualTo(Toast.Kind.SUCCESS);
		runner.runDue();
		clock.advance(Duration.ofSeconds(1));

		PageHtml stale = inspector(org.admin());
		assertThat(stale.time("summary-fetched-at")).isEqualTo(fetchedBefore);
		assertThat(stale.text("summary-total")).isEqualTo("120.50");
		assertThat(stale.text("summary-count")).isEqualTo("2");

		// That stale serve started one background refresh; once it has landed, the next
		// view is fresh. (Views before it lands are served stale too.)
		PageHtml fresh = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> inspector(org.admin()), page -> !page.time("summary-fetched-at").equals(fetchedBefore));
		assertThat(fresh.time("summary-fetched-at")).isGreaterThan(fetchedBefore).isEqualTo(now());
		assertThat(fresh.text("summary-total")).isEqualTo("130.00");
		assertThat(fresh.text("summary-count")).isEqualTo("3");
		List<Map<String, String>> runs = fresh.items("job-runs");
		assertThat(runs).hasSize(1);
		assertThat(runs.get(0)).containsEntry("data-outcome", "done")
			.containsEntry("data-org", org.id())
			.containsEntry("data-job", SummaryJobs.TASK)
			.containsKey("data-duration-ms");
	}

	@Test
	void anAdminAsksForARecomputeFromTheInvoiceList() throws Exception {
		assertThat(
				new PageHtml(mvc.perform(page(org.admin(), "/invoices")).andReturn().getResponse().getContentAsString())
					.formsPostingTo("/summary/recompute"))
			.isEqualTo(1);
		assertThat(new PageHtml(
				mvc.perform(page(org.member(), "/invoices")).andReturn().getResponse().getContentAsString())
			.formsPostingTo("/summary/recompute")).isZero();

		MvcResult first = mvc.perform(form(org.admin(), "/summary/recompute"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices"))
			.andReturn();
		assertThat(toast(first).message()).contains("queued");
		MvcResult second = mvc.perform(form(org.admin(), "/summary/recompute"))
			.andExpect(status().isSeeOther())
			.andReturn();
		assertThat(toast(second).message()).contains("already queued");
		assertThat(db.pendingFor(org.id())).containsExactly(org.id());

		runner.runDue();
		assertThat(db.runOutcomes(org.id())).containsExactly("done");
	}

	@Test
	void membersAndRequestsWithoutCsrfCannotAskForARecompute() throws Exception {
		mvc.perform(form(org.member(), "/summary/recompute")).andExpect(status().isForbidden());
		mvc.perform(post("/summary/recompute").with(user(org.admin()))).andExpect(status().isForbidden());
		assertThat(db.pendingFor(org.id())).isEmpty();
	}

	@Test
	void runSummaryIsForAdminsAsInTheApp() throws Exception {
		mvc.perform(form(org.member(), "/inspector/run-summary")).andExpect(status().isForbidden());
		assertThat(db.pendingFor(org.id())).isEmpty();
	}

	private PageHtml inspector(String email) throws Exception {
		return new PageHtml(mvc.perform(page(email, "/inspector"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private String now() {
		return io.ledgerline.caching.FetchedAt.format(clock.instant());
	}

	private static Toast toast(MvcResult result) {
		return (Toast) result.getFlashMap().get(Toast.ATTRIBUTE);
	}

}
