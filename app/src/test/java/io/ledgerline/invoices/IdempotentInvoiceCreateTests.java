package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.ledgerline.summary.SummaryRepository;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.web.Toast;

/**
 * A create resubmitted with its one-time key (the form's {@code createKey}, a JSON
 * client's {@code Idempotency-Key}) answers with the first result and creates nothing:
 * one after the other, and racing (the database's key decides, not a check), scoped to
 * the user and org, kept at least a day and pruned after two.
 */
@IntegrationTest
class IdempotentInvoiceCreateTests {

	static final int RACERS = 8;

	private static final Pattern CREATE_KEY = Pattern.compile("name=\"createKey\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SummaryRepository summaries;

	@Autowired
	ManualClock clock;

	TestOrg org;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
	}

	static MockHttpServletRequestBuilder oneLine(MockHttpServletRequestBuilder request) {
		return withoutCustomer(request.param("customerName", "Double Clicker"));
	}

	static MockHttpServletRequestBuilder withoutCustomer(MockHttpServletRequestBuilder request) {
		return request.param("issuedOn", "2026-11-20")
			.param("status", "draft")
			.param("lineDescription", "Work")
			.param("lineQuantity", "1")
			.param("lineUnitPrice", "250.00");
	}

	private int invoices(String orgId) {
		return jdbc.sql("SELECT COUNT(*) FROM invoices WHERE org_id = ?").param(orgId).query(Integer.class).single();
	}

	private int createAudits() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE org_id = ? AND action = 'invoice.create'")
			.param(org.id())
			.query(Integer.class)
			.single();
	}

	private static String createKeyOf(MvcResult result) throws Exception {
		Matcher matcher = CREATE_KEY.matcher(result.getResponse().getContentAsString());
		assertThat(matcher.find()).as("a createKey field in the form").isTrue();
		return matcher.group(1);
	}

	@Test
	void theNewInvoiceFormCarriesAFreshKeyEachTimeItIsOpened() throws Exception {
		String first = createKeyOf(mvc.perform(page(org.member(), "/invoices/new")).andReturn());
		String second = createKeyOf(mvc.perform(page(org.member(), "/invoices/new")).andReturn());
		assertThat(first).isNotEqualTo(second);
		assertThat(UUID.fromString(first)).isNotNull();
	}

	@Test
	void aResubmittedFormLandsOnTheFirstInvoiceAndCreatesNothing() throws Exception {
		String key = createKeyOf(mvc.perform(page(org.member(), "/invoices/new")).andReturn());

		MvcResult first = mvc.perform(oneLine(form(org.member(), "/invoices")).param("createKey", key))
			.andExpect(status().isSeeOther())
			.andReturn();
		MvcResult again = mvc.perform(oneLine(form(org.member(), "/invoices")).param("createKey", key))
			.andExpect(status().isSeeOther())
			.andReturn();

		assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl());
		assertThat(((Toast) again.getFlashMap().get(Toast.ATTRIBUTE)).message())
			.isEqualTo("INV-1001 was already created by this form.");
		assertThat(invoices(org.id())).isEqualTo(1);
		assertThat(createAudits()).isEqualTo(1);
		assertThat(summaries.find(org.id()).activeCount()).isEqualTo(1);
	}

	@Test
	void aFormThatFailedValidationKeepsItsKeyAndTheCorrectedSubmitCreatesOnce() throws Exception {
		String key = "validation-then-create-" + org.id();
		MvcResult invalid = mvc.perform(withoutCustomer(form(org.member(), "/invoices")).param("createKey", key))
			.andExpect(status().isUnprocessableContent())
			.andReturn();
		assertThat(createKeyOf(invalid)).isEqualTo(key);

		mvc.perform(oneLine(form(org.member(), "/invoices")).param("createKey", key)).andExpect(status().isSeeOther());
		mvc.perform(oneLine(form(org.member(), "/invoices")).param("createKey", key)).andExpect(status().isSeeOther());
		assertThat(invoices(org.id())).isEqualTo(1);
	}

	@Test
	void twoIdenticalCreatesRacingYieldOneInvoice() throws Exception {
		String key = "race-" + org.id();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(RACERS);
		List<MockHttpServletResponse> answers = new ArrayList<>();
		try {
			List<Future<MvcResult>> results = new ArrayList<>();
			for (int i = 0; i < RACERS; i++) {
				boolean json = i % 2 == 0;
				results.add(pool.submit(() -> {
					start.await();
					MockHttpServletRequestBuilder request = json
							? formJson(org.member(), "/invoices").header("Idempotency-Key", key)
							: form(org.member(), "/invoices").param("createKey", key);
					return mvc.perform(oneLine(request)).andReturn();
				}));
			}
			start.countDown();
			for (Future<MvcResult> result : results) {
				answers.add(result.get(60, TimeUnit.SECONDS).getResponse());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(invoices(org.id())).isEqualTo(1);
		long id = jdbc.sql("SELECT id FROM invoices WHERE org_id = ?").param(org.id()).query(Long.class).single();
		for (MockHttpServletResponse answer : answers) {
			assertThat(answer.getStatus()).isIn(201, 303);
			assertThat(answer.getHeader("Location")).endsWith("/invoices/" + id);
		}
		assertThat(createAudits()).isEqualTo(1);
		assertThat(summaries.find(org.id()).activeCount()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_keys WHERE org_id = ?")
			.param(org.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aJsonClientsIdempotencyKeyAnswersTheFirstInvoiceAgain() throws Exception {
		String key = "\"" + UUID.randomUUID() + "\"";
		MvcResult first = mvc.perform(oneLine(formJson(org.admin(), "/invoices")).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"))
			.andReturn();
		mvc.perform(oneLine(formJson(org.admin(), "/invoices")).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(header().string("Location", first.getResponse().getHeader("Location")))
			.andExpect(jsonPath("$.data.number").value("INV-1001"));
		assertThat(invoices(org.id())).isEqualTo(1);

		// Without a key a create is a create, as before.
		mvc.perform(oneLine(formJson(org.admin(), "/invoices"))).andExpect(status().isCreated());
		assertThat(invoices(org.id())).isEqualTo(2);
	}

	@Test
	void keysAreScopedToTheUserAndTheOrg() throws Exception {
		String key = "shared-" + org.id();
		TestOrg other = fixtures.org();
		String both = "both@" + org.id() + ".test";
		fixtures.user(both, other.id(), "member");
		fixtures.user(both, org.id(), "member");

		mvc.perform(oneLine(formJson(org.member(), "/invoices")).header("Idempotency-Key", key))
			.andExpect(status().isCreated());
		mvc.perform(oneLine(formJson(org.admin(), "/invoices")).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"));
		assertThat(invoices(org.id())).isEqualTo(2);

		// The same user and key in two orgs: two creates (each org's own).
		mvc.perform(oneLine(formJson(other.member(), "/invoices")).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"));
		assertThat(invoices(other.id())).isEqualTo(1);
	}

	/**
	 * Time is moved by ageing the stored key (the shared test clock only moves forward,
	 * and other tests read "today" from it).
	 */
	@Test
	void aKeyIsKeptForADayAndPrunedAfterTwo() throws Exception {
		String key = "retention-" + org.id();
		mvc.perform(oneLine(formJson(org.member(), "/invoices")).header("Idempotency-Key", key))
			.andExpect(status().isCreated());

		keysStoredAgo(Duration.ofHours(25));
		mvc.perform(oneLine(formJson(org.member(), "/invoices")).header("Idempotency-Key", key))
			.andExpect(header().string("Idempotent-Replayed", "true"));
		assertThat(invoices(org.id())).isEqualTo(1);

		keysStoredAgo(Duration.ofHours(49));
		mvc.perform(oneLine(formJson(org.member(), "/invoices")).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"));
		assertThat(invoices(org.id())).isEqualTo(2);
		// The expired row went with that create; the table holds the new one only.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_keys WHERE org_id = ?")
			.param(org.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/** Backdates the org's stored keys to {@code age} ago, as if that time had passed. */
	private void keysStoredAgo(Duration age) {
		List<String> keys = jdbc.sql("SELECT idem_key FROM idempotency_keys WHERE org_id = ?")
			.param(org.id())
			.query(String.class)
			.list();
		for (String key : keys) {
			jdbc.sql("UPDATE idempotency_keys SET created_at = ? WHERE org_id = ? AND idem_key = ?")
				.params(clock.instant().minus(age).atOffset(ZoneOffset.UTC), org.id(), key)
				.update();
		}
	}

	@Test
	void aKeyUsedForATicketCannotReplayAsAnInvoice() throws Exception {
		String key = "kind-" + org.id();
		mvc.perform(formJson(org.member(), "/tickets").param("title", "Printer").header("Idempotency-Key", key))
			.andExpect(status().isOk());
		mvc.perform(oneLine(formJson(org.member(), "/invoices")).header("Idempotency-Key", key))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.error.code").value("validation"));
		assertThat(invoices(org.id())).isZero();
	}

	@Test
	void malformedOrDisagreeingKeysAreBadRequests() throws Exception {
		mvc.perform(oneLine(formJson(org.member(), "/invoices")).header("Idempotency-Key", "has space"))
			.andExpect(status().isBadRequest());
		mvc.perform(oneLine(formJson(org.member(), "/invoices")).header("Idempotency-Key", "x".repeat(101)))
			.andExpect(status().isBadRequest());
		mvc.perform(oneLine(formJson(org.member(), "/invoices")).header("Idempotency-Key", "a").param("createKey", "b"))
			.andExpect(status().isBadRequest());
		assertThat(invoices(org.id())).isZero();
	}

}
