package example.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.tagcache.spring.TagCacheBuilderCustomizer;

/**
 * The catalogue through HTTP: an edit is read on its redirect; a background price update
 * is served stale once, refreshed behind that reader, then fresh. Background refreshes
 * run when the test says so.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class CatalogueTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Products products;

	@Autowired
	HeldRefreshes refreshes;

	@Test
	void anEditIsReadOnItsRedirect() throws Exception {
		mvc.perform(get("/products/1")).andExpect(content().string(containsString("Walnut desk")));
		mvc.perform(get("/products")).andExpect(content().string(containsString("Walnut desk")));

		mvc.perform(post("/products/1").param("name", "Walnut writing desk").param("price", "440.00"))
			.andExpect(redirectedUrl("/products/1"));

		mvc.perform(get("/products/1"))
			.andExpect(content().string(containsString("Walnut writing desk")))
			.andExpect(content().string(containsString("440.00")));
		mvc.perform(get("/products")).andExpect(content().string(containsString("Walnut writing desk")));
	}

	@Test
	void aBackgroundPriceUpdateIsServedStaleOnceThenFresh() throws Exception {
		mvc.perform(get("/products/2")).andExpect(content().string(containsString("129.50")));

		products.applyPrice(2, new BigDecimal("99.00"));

		mvc.perform(get("/products/2")).andExpect(content().string(containsString("129.50")));
		assertThat(refreshes.runAll()).as("one background refresh").isEqualTo(1);
		mvc.perform(get("/products/2"))
			.andExpect(content().string(containsString("99.00")))
			.andExpect(content().string(not(containsString("129.50"))));
	}

	@Test
	void badInputIsRefusedAndChangesNothing() throws Exception {
		mvc.perform(post("/products/3").param("name", " ").param("price", "1.00")).andExpect(status().isBadRequest());
		mvc.perform(post("/products/3").param("name", "Lamp").param("price", "-1")).andExpect(status().isBadRequest());
		mvc.perform(post("/products/3").param("name", "Lamp").param("price", "1.001"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/products/404").param("name", "Ghost").param("price", "1.00"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/products/3")).andExpect(content().string(containsString("39.90")));
	}

	@Test
	void theEndpointShowsTheCache() throws Exception {
		mvc.perform(get("/products")).andExpect(status().isOk());
		mvc.perform(get("/actuator/tagcache"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"hitRatio\"")));
	}

	/** Holds background refreshes until the test runs them. */
	static final class HeldRefreshes implements Executor {

		private final Queue<Runnable> held = new ArrayDeque<>();

		@Override
		public synchronized void execute(Runnable task) {
			held.add(task);
		}

		synchronized int runAll() {
			int ran = 0;
			for (Runnable task = held.poll(); task != null; task = held.poll()) {
				task.run();
				ran++;
			}
			return ran;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Refreshes {

		@Bean
		HeldRefreshes heldRefreshes() {
			return new HeldRefreshes();
		}

		@Bean
		TagCacheBuilderCustomizer heldRefreshesForTheCache(HeldRefreshes refreshes) {
			return builder -> builder.refreshExecutor(refreshes);
		}

	}

}
