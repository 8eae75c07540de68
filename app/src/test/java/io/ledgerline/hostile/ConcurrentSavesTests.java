package io.ledgerline.hostile;

import static io.ledgerline.support.Requests.formJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;

/**
 * Thirty-two saves at once, three times the request pool: every one answers (no request
 * waits for a connection another waiting request holds), exactly the expected ones win,
 * and every winner's three invalidations are in the log. The bound on the wait is a
 * deadlock detector, not a performance assertion: a stalled pool answers after its 30 s
 * connection timeout.
 */
@IntegrationTest
class ConcurrentSavesTests {

	static final int WRITERS = 32;

	/** Far below the pool's 30 s connection timeout, far above a healthy run. */
	static final long ANSWER_WITHIN_SECONDS = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void normalSavesOfOneInvoiceAtOneVersionHaveExactlyOneWinner() throws Exception {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");

		List<Integer> statuses = concurrently(i -> save(org.member(), invoice.id(), i, false));

		assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
		assertThat(statuses).filteredOn(s -> s == 409).hasSize(WRITERS - 1);
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(2);
		assertThat(logged(InvoiceTags.record(org.id(), invoice.id()))).isEqualTo(1);
		assertThat(logged(InvoiceTags.list(org.id()))).isEqualTo(1);
		assertThat(logged(InvoiceTags.summary(org.id()))).isEqualTo(1);
	}

	@Test
	void overwriteSavesOfOneInvoiceAllWinOneAfterAnother() throws Exception {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");

		List<Integer> statuses = concurrently(i -> save(org.admin(), invoice.id(), i, true));

		assertThat(statuses).containsOnly(200).hasSize(WRITERS);
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1 + WRITERS);
		assertThat(fixtures.auditRows(invoice.id(), "invoice.update")).isEqualTo(WRITERS);
		assertThat(logged(InvoiceTags.record(org.id(), invoice.id()))).isEqualTo(WRITERS);
		assertThat(logged(InvoiceTags.list(org.id()))).isEqualTo(WRITERS);
		assertThat(logged(InvoiceTags.summary(org.id()))).isEqualTo(WRITERS);
	}

	@Test
	void normalSavesOfManyInvoicesAllWin() throws Exception {
		TestOrg org = fixtures.org();
		List<TestInvoice> invoices = invoices(org);

		List<Integer> statuses = concurrently(i -> save(org.member(), invoices.get(i).id(), i, false));

		assertThat(statuses).containsOnly(200).hasSize(WRITERS);
		for (TestInvoice invoice : invoices) {
			assertThat(fixtures.row(invoice.id()).version()).isEqualTo(2);
			assertThat(logged(InvoiceTags.record(org.id(), invoice.id()))).isEqualTo(1);
		}
		assertThat(logged(InvoiceTags.list(org.id()))).isEqualTo(WRITERS);
		assertThat(logged(InvoiceTags.summary(org.id()))).isEqualTo(WRITERS);
	}

	@Test
	void overwriteSavesOfManyInvoicesAllWin() throws Exception {
		TestOrg org = fixtures.org();
		List<TestInvoice> invoices = invoices(org);

		List<Integer> statuses = concurrently(i -> save(org.admin(), invoices.get(i).id(), i, true));

		assertThat(statuses).containsOnly(200).hasSize(WRITERS);
		for (TestInvoice invoice : invoices) {
			assertThat(fixtures.row(invoice.id()).version()).isEqualTo(2);
			assertThat(logged(InvoiceTags.record(org.id(), invoice.id()))).isEqualTo(1);
		}
		assertThat(logged(InvoiceTags.list(org.id()))).isEqualTo(WRITERS);
		assertThat(logged(InvoiceTags.summary(org.id()))).isEqualTo(WRITERS);
	}

	private List<TestInvoice> invoices(TestOrg org) {
		List<TestInvoice> invoices = new ArrayList<>();
		for (int i = 0; i < WRITERS; i++) {
			invoices.add(fixtures.invoice(org, "100.00"));
		}
		return invoices;
	}

	private static MockHttpServletRequestBuilder save(String email, long id, int writer, boolean overwrite) {
		MockHttpServletRequestBuilder request = formJson(email, "/invoices/" + id)
			.param("customerName", "Writer " + writer)
			.param("status", "sent")
			.param("total", (200 + writer) + ".00")
			.param("version", "1");
		return overwrite ? request.param("overwrite", "true") : request;
	}

	private List<Integer> concurrently(IntFunction<MockHttpServletRequestBuilder> requests) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < WRITERS; i++) {
				MockHttpServletRequestBuilder request = requests.apply(i);
				results.add(pool.submit(() -> {
					start.await();
					return mvc.perform(request).andReturn().getResponse().getStatus();
				}));
			}
			start.countDown();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_WITHIN_SECONDS);
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int logged(String tag) {
		return jdbc.sql("SELECT COUNT(*) FROM invalidation_log WHERE target = ? AND primitive = 'updateTag'")
			.param(tag)
			.query(Integer.class)
			.single();
	}

}
