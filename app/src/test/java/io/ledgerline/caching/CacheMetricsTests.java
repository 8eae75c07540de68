package io.ledgerline.caching;

import static io.ledgerline.support.Requests.json;
import static io.ledgerline.support.Requests.page;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CacheMetricsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MeterRegistry registry;

	@Test
	void healthIsUpWithoutSigningIn() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void healthShowsAdminsTheCachesBytesAgainstItsBudget() throws Exception {
		Fixtures.TestOrg org = fixtures.org();
		mvc.perform(page(org.member(), "/invoices")).andExpect(status().isOk());

		mvc.perform(json(org.admin(), "/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.memory.status").value("UP"))
			.andExpect(jsonPath("$.components.memory.details.cacheBytes").isNumber())
			.andExpect(jsonPath("$.components.memory.details.cacheBudgetBytes").isNumber())
			.andExpect(jsonPath("$.components.memory.details.gcShareLastMinute").isNumber());
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components").doesNotExist());
		mvc.perform(json(org.admin(), "/actuator/metrics/tagcache.weight"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.baseUnit").value("bytes"));
	}

	@Test
	void cacheReadsAreCountedAsHitsAndMisses() throws Exception {
		Fixtures.TestOrg org = fixtures.org();
		double hits = count("hit");
		double misses = count("miss");

		mvc.perform(page(org.member(), "/invoices")).andExpect(status().isOk());
		mvc.perform(page(org.member(), "/invoices")).andExpect(status().isOk());

		assertThat(count("miss") - misses).isGreaterThanOrEqualTo(2);
		assertThat(count("hit") - hits).isGreaterThanOrEqualTo(2);
		// Metrics are for admins (the reads above were a member's).
		mvc.perform(json(org.admin(), "/actuator/metrics/tagcache.reads"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("tagcache.reads"));
	}

	private double count(String result) {
		return registry.get("tagcache.reads").tag("result", result).functionCounter().count();
	}

}
