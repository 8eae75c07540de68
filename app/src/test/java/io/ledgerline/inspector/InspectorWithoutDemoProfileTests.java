package io.ledgerline.inspector;

import static io.ledgerline.support.Requests.form;
import static org.assertj.core.api.Assertions.assertThat;
import static io.ledgerline.support.Requests.page;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.caching.InvalidationLog;
import io.ledgerline.invoices.write.InvoiceInvalidationStep;

/**
 * Without the demo profile the inspector does not exist. A context of its own (profile
 * "test" only, so no demo data and no inspector beans): the one extra startup is the
 * price of proving the production shape.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InspectorWithoutDemoProfileTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void everyInspectorRouteIsNotFound() throws Exception {
		String anyone = "someone@example.test";
		mvc.perform(page(anyone, "/inspector")).andExpect(status().isNotFound());
		mvc.perform(page(anyone, "/inspector/force-update-tag")).andExpect(status().isNotFound());
		for (String button : List.of("edit-one", "archive-one", "restore-one", "delete-one", "misuse", "force-drift",
				"identity")) {
			mvc.perform(form(anyone, "/inspector/" + button).param("id", "1").param("username", "dana@acme.test"))
				.andExpect(status().isNotFound());
		}
	}

	@Test
	void theInspectorsInvalidationVariantAndDriftAreAbsent() {
		assertThat(context.getBeanNamesForType(InvoiceInvalidationStep.class)).isEmpty();
		assertThat(context.getBeanNamesForType(ListInvalidationMisuse.class)).isEmpty();
		assertThat(context.getBeanNamesForType(InvoiceDrift.class)).isEmpty();
		assertThat(context.getBeanNamesForType(InspectorService.class)).isEmpty();
		// The invalidation log is the inspector's: without it, no write pays for it.
		assertThat(context.getBeanNamesForType(InvalidationLog.class)).isEmpty();
	}

}
