package io.ledgerline.tickets;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.web.Toast;

/**
 * The new-ticket form's one-time key: a resubmit (or a racing double submit) opens one
 * ticket, and JSON clients get the same with {@code Idempotency-Key}.
 */
@IntegrationTest
class TicketIdempotencyTests {

	static final int RACERS = 6;

	private static final Pattern CREATE_KEY = Pattern.compile("name=\"createKey\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	TestOrg org;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
	}

	private int tickets() {
		return jdbc.sql("SELECT COUNT(*) FROM tickets WHERE org_id = ?").param(org.id()).query(Integer.class).single();
	}

	@Test
	void aResubmittedTicketFormOpensOneTicket() throws Exception {
		Matcher key = CREATE_KEY
			.matcher(mvc.perform(page(org.member(), "/tickets")).andReturn().getResponse().getContentAsString());
		assertThat(key.find()).isTrue();

		mvc.perform(form(org.member(), "/tickets").param("title", "VPN drops").param("createKey", key.group(1)))
			.andExpect(status().isSeeOther());
		MvcResult again = mvc
			.perform(form(org.member(), "/tickets").param("title", "VPN drops").param("createKey", key.group(1)))
			.andExpect(status().isSeeOther())
			.andReturn();
		assertThat(((Toast) again.getFlashMap().get(Toast.ATTRIBUTE)).message()).contains("was already opened");
		assertThat(tickets()).isEqualTo(1);
	}

	@Test
	void racingDoubleSubmitsOpenOneTicket() throws Exception {
		String key = "ticket-race-" + org.id();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(RACERS);
		try {
			List<Future<MvcResult>> results = new ArrayList<>();
			for (int i = 0; i < RACERS; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return mvc.perform(form(org.member(), "/tickets").param("title", "Printer").param("createKey", key))
						.andReturn();
				}));
			}
			start.countDown();
			for (Future<MvcResult> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(303);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(tickets()).isEqualTo(1);
	}

	@Test
	void aJsonClientsIdempotencyKeyAnswersTheFirstTicket() throws Exception {
		MvcResult first = mvc
			.perform(formJson(org.member(), "/tickets").param("title", "Screen flickers")
				.header("Idempotency-Key", "abc-123"))
			.andExpect(status().isOk())
			.andReturn();
		Number id = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.data.id");
		mvc.perform(formJson(org.member(), "/tickets").param("title", "Screen flickers")
			.header("Idempotency-Key", "abc-123"))
			.andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.data.id").value(id.longValue()));
		assertThat(tickets()).isEqualTo(1);
	}

}
