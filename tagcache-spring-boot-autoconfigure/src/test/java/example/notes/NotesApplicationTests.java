package example.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.tagcache.InvalidationIntent;
import io.ledgerline.tagcache.InvalidationRecorder;
import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.spring.TagCacheBuilderCustomizer;
import io.ledgerline.tagcache.testing.ManualExecutor;

/**
 * End to end through the notes app: the starter, its properties, the annotations on the
 * app's own service, and HTTP requests. Background refreshes run when the test says so.
 */
@SpringBootTest(classes = { NotesApplication.class, NotesApplicationTests.Refreshes.class },
		properties = { "spring.sql.init.schema-locations=classpath:example/notes/schema.sql",
				"management.endpoints.web.exposure.include=tagcache", "tagcache.instance-id=notes-1" })
@AutoConfigureMockMvc
@DirtiesContext
class NotesApplicationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	NotesRepository repository;

	@Autowired
	NotesService notes;

	@Autowired
	ManualExecutor refreshes;

	@Autowired
	TagCache cache;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TransactionNotingRecorder recorder;

	long firstNote() {
		return jdbc.sql("SELECT MIN(id) FROM notes").query(Long.class).single();
	}

	@Test
	void theRedirectAfterAnEditReadsTheEdit() throws Exception {
		long id = firstNote();
		mvc.perform(get("/notes/" + id)).andExpect(status().isOk());
		int readsBefore = repository.reads();
		mvc.perform(get("/notes/" + id)).andExpect(status().isOk());
		assertThat(repository.reads()).as("the second read is a hit").isEqualTo(readsBefore);

		mvc.perform(post("/notes/" + id).param("text", "edited").param("submission", UUID.randomUUID().toString()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/notes/" + id));

		mvc.perform(get("/notes/" + id)).andExpect(jsonPath("$.text").value("edited"));
		mvc.perform(get("/notes")).andExpect(jsonPath("$[0].text").value("edited"));
	}

	@Test
	void aRolledBackEditInvalidatesNothing() throws Exception {
		long id = firstNote();
		String submission = UUID.randomUUID().toString();
		mvc.perform(post("/notes/" + id).param("text", "once").param("submission", submission))
			.andExpect(status().isSeeOther());
		mvc.perform(get("/notes/" + id)).andExpect(jsonPath("$.text").value("once"));
		long updatesBefore = cache.stats().updateTags();
		int readsBefore = repository.reads();

		// The same submission again: the update runs, the duplicate rolls it back.
		mvc.perform(post("/notes/" + id).param("text", "twice").param("submission", submission))
			.andExpect(status().isConflict());

		assertThat(cache.stats().updateTags()).isEqualTo(updatesBefore);
		mvc.perform(get("/notes/" + id)).andExpect(jsonPath("$.text").value("once"));
		assertThat(repository.reads()).as("still served from the cache").isEqualTo(readsBefore);
	}

	@Test
	void aWriteInsideATransactionThatRollsBackLaterInvalidatesNothing() {
		long id = firstNote();
		notes.find(id);
		long updatesBefore = cache.stats().updateTags();

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			transactions.executeWithoutResult(tx -> {
				notes.edit(id, "never committed", UUID.randomUUID().toString());
				tx.setRollbackOnly();
			});
		}

		assertThat(cache.stats().updateTags()).isEqualTo(updatesBefore);
		assertThat(repository.find(id).text()).isNotEqualTo("never committed");
	}

	@Test
	void outsideAMutationRequestAnUpdatesTagsWriteIsRefusedBeforeItRuns() {
		long id = firstNote();
		String before = repository.find(id).text();

		assertThatThrownBy(() -> notes.edit(id, "from a job", UUID.randomUUID().toString()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("only available inside an action");

		assertThat(repository.find(id).text()).isEqualTo(before);
	}

	@Test
	void afterABackgroundImportTheListIsServedStaleOnceThenFresh() throws Exception {
		// Whatever an earlier test left stale is refreshed first.
		mvc.perform(get("/notes")).andExpect(status().isOk());
		refreshes.runPending();
		int listed = repository.all().size();
		mvc.perform(get("/notes")).andExpect(jsonPath("$.length()").value(listed));

		notes.importNote("imported");

		mvc.perform(get("/notes")).andExpect(jsonPath("$.length()").value(listed));
		assertThat(refreshes.runPending()).as("one background refresh").isEqualTo(1);
		mvc.perform(get("/notes")).andExpect(jsonPath("$.length()").value(listed + 1));
	}

	@Test
	void theActuatorEndpointReportsTheCacheAndRevalidatesATag() throws Exception {
		long id = firstNote();
		mvc.perform(post("/notes/" + id).param("text", "seen").param("submission", UUID.randomUUID().toString()))
			.andExpect(status().isSeeOther());
		mvc.perform(get("/notes")).andExpect(status().isOk());

		mvc.perform(get("/actuator/tagcache"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.instance").value("notes-1"))
			.andExpect(jsonPath("$.size").isNumber())
			.andExpect(jsonPath("$.hitRatio").isNumber())
			.andExpect(jsonPath("$.bus.type").value("local"))
			.andExpect(jsonPath("$.bus.connected").value(true))
			.andExpect(jsonPath("$.recentInvalidations[0].primitive").value("updateTag"))
			.andExpect(jsonPath("$.recentInvalidations[0].source").value("action"));

		long staleBefore = cache.stats().staleServes();
		mvc.perform(post("/actuator/tagcache").contentType(MediaType.APPLICATION_JSON).content("{\"tag\":\"notes\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.profile").value("max"));
		mvc.perform(get("/notes")).andExpect(status().isOk());
		assertThat(cache.stats().staleServes()).isEqualTo(staleBefore + 1);
		refreshes.runPending();

		mvc.perform(post("/actuator/tagcache").contentType(MediaType.APPLICATION_JSON).content("{\"tag\":\" \"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/actuator/tagcache").contentType(MediaType.APPLICATION_JSON)
			.content("{\"tag\":\"notes\",\"profile\":\"fortnightly\"}")).andExpect(status().isBadRequest());
	}

	@Test
	void theInvalidationIsAskedForInsideTheWritesOwnTransaction() throws Exception {
		long id = firstNote();
		recorder.calls.clear();

		mvc.perform(post("/notes/" + id).param("text", "recorded").param("submission", UUID.randomUUID().toString()))
			.andExpect(status().isSeeOther());

		assertThat(recorder.calls).containsExactly(true);
	}

	/**
	 * Notes, for each call, whether it came inside a transaction: where a durable record
	 * of the invalidation belongs.
	 */
	static final class TransactionNotingRecorder implements InvalidationRecorder {

		final List<Boolean> calls = new CopyOnWriteArrayList<>();

		@Override
		public void record(List<InvalidationIntent> intents) {
			calls.add(TransactionSynchronizationManager.isActualTransactionActive());
		}

	}

	/** Background refreshes wait for the test instead of running on threads. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Refreshes {

		@Bean
		ManualExecutor refreshExecutor() {
			return new ManualExecutor();
		}

		@Bean
		TransactionNotingRecorder transactionNotingRecorder() {
			return new TransactionNotingRecorder();
		}

		@Bean
		TagCacheBuilderCustomizer manualRefreshes(ManualExecutor executor) {
			return builder -> builder.refreshExecutor(executor);
		}

	}

}
