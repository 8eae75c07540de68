package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.formJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;

/** Twenty tabs save at one version at the same moment: exactly one wins. */
@IntegrationTest
class InvoiceConcurrencyTests {

	static final int WRITERS = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void concurrentSavesAtOneVersionGiveExactlyOneSuccessAndNineteenConflicts() throws Exception {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < WRITERS; i++) {
				String total = (200 + i) + ".00";
				Callable<Integer> save = () -> {
					start.await();
					return mvc
						.perform(formJson(org.member(), "/invoices/" + invoice.id())
							.param("customerName", "Writer " + total)
							.param("status", "sent")
							.param("total", total)
							.param("version", "1"))
						.andReturn()
						.getResponse()
						.getStatus();
				};
				results.add(pool.submit(save));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get(60, TimeUnit.SECONDS));
			}

			assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 409).hasSize(WRITERS - 1);
			Fixtures.InvoiceRow row = fixtures.row(invoice.id());
			assertThat(row.version()).isEqualTo(2);
			assertThat(row.customerName()).isEqualTo("Writer " + row.total().toPlainString());
			assertThat(fixtures.auditRows(invoice.id(), "invoice.update")).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
