package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.formJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.ledgerline.summary.OrgSummary;
import io.ledgerline.summary.SummaryRepository;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;

/**
 * Twenty creates in one org at the same moment (the org's very first creates, so the
 * series row is created under contention too): twenty invoices, twenty distinct numbers
 * in the order the rows were written, and a stored summary equal to a recount.
 */
@IntegrationTest
class InvoiceCreateConcurrencyTests {

	static final int WRITERS = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SummaryRepository summaries;

	record Row(long id, String number, BigDecimal total) {
	}

	@Test
	void twentyConcurrentCreatesGetTwentyDistinctIncreasingNumbersAndAnExactSummary() throws Exception {
		TestOrg org = fixtures.org();
		fixtures.invoice(org, "100.00");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		try {
			List<Future<MvcResult>> results = new ArrayList<>();
			for (int i = 0; i < WRITERS; i++) {
				String price = (10 + i) + ".25";
				String email = i % 2 == 0 ? org.member() : org.admin();
				Callable<MvcResult> create = () -> {
					start.await();
					return mvc
						.perform(formJson(email, "/invoices").param("customerName", "Writer " + price)
							.param("issuedOn", "2026-11-20")
							.param("status", "draft")
							.param("lineDescription", "Work")
							.param("lineQuantity", "2")
							.param("lineUnitPrice", price))
						.andReturn();
				};
				results.add(pool.submit(create));
			}
			start.countDown();
			for (Future<MvcResult> result : results) {
				assertThat(result.get(120, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdownNow();
		}

		List<Row> created = jdbc
			.sql("SELECT id, invoice_number, total FROM invoices WHERE org_id = ? AND invoice_number LIKE 'INV-%'")
			.param(org.id())
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)))
			.list();
		assertThat(created).hasSize(WRITERS);
		assertThat(created).extracting(Row::number)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(
					IntStream.rangeClosed(1001, 1000 + WRITERS).mapToObj(n -> "INV-" + n).toList());
		// The number order is the order the rows were written in (ids ascending).
		List<Integer> numbersById = created.stream()
			.sorted(Comparator.comparingLong(Row::id))
			.map(r -> Integer.parseInt(r.number().substring(4)))
			.toList();
		assertThat(numbersById).isSorted();

		BigDecimal createdTotal = created.stream().map(Row::total).reduce(BigDecimal.ZERO, BigDecimal::add);
		// 2 × (10.25 + 11.25 + … + 29.25)
		assertThat(createdTotal).isEqualByComparingTo("790.00");
		OrgSummary stored = summaries.find(org.id());
		assertThat(stored.activeCount()).isEqualTo(WRITERS + 1);
		assertThat(stored.activeTotal()).isEqualByComparingTo(createdTotal.add(new BigDecimal("100.00")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE org_id = ? AND action = 'invoice.create'")
			.param(org.id())
			.query(Integer.class)
			.single()).isEqualTo(WRITERS);
	}

}
