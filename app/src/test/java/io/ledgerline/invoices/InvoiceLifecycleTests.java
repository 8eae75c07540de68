package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.web.Toast;

@IntegrationTest
class InvoiceLifecycleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	TestOrg org;

	TestInvoice invoice;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		invoice = fixtures.invoice(org, "100.00");
		fixtures.invoice(org, "50.00");
	}

	@Test
	void archiveThenRestoreMoveTheRowAndTheSummaryAndWriteAudit() throws Exception {
		mvc.perform(form(org.member(), "/invoices/" + invoice.id() + "/archive").param("version", "1")
			.param("view", "active"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices?view=active"));
		assertThat(fixtures.row(invoice.id()).archived()).isTrue();
		assertThat(summary()).isEqualTo("1 50.00");

		mvc.perform(form(org.member(), "/invoices/" + invoice.id() + "/restore").param("version", "2"))
			.andExpect(status().isSeeOther());
		assertThat(fixtures.row(invoice.id()).archived()).isFalse();
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(3);
		assertThat(summary()).isEqualTo("2 150.00");
		assertThat(fixtures.auditRows(invoice.id(), "invoice.archive")).isEqualTo(1);
		assertThat(fixtures.auditRows(invoice.id(), "invoice.restore")).isEqualTo(1);
	}

	@Test
	void deleteIsSoftAdminOnlyAndLeavesTheSummary() throws Exception {
		mvc.perform(form(org.member(), "/invoices/" + invoice.id() + "/delete").param("version", "1"))
			.andExpect(status().isForbidden());
		assertThat(fixtures.row(invoice.id()).deleted()).isFalse();
		assertThat(fixtures.auditRows(invoice.id())).isZero();

		mvc.perform(formJson(org.admin(), "/invoices/" + invoice.id() + "/delete").param("version", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.lifecycle").value("deleted"));
		assertThat(fixtures.row(invoice.id()).deleted()).isTrue();
		assertThat(summary()).isEqualTo("1 50.00");
		assertThat(fixtures.auditRows(invoice.id(), "invoice.delete")).isEqualTo(1);
	}

	@Test
	void aDeletedInvoiceIsNotFoundForMembersAndNotEditableForAdmins() throws Exception {
		// One wording, whichever write meets the deleted row.
		String deleted = invoice.number() + " was deleted and can no longer be changed.";
		mvc.perform(form(org.admin(), "/invoices/" + invoice.id() + "/delete").param("version", "1")
			.param("confirm", "yes")).andExpect(status().isSeeOther());

		mvc.perform(io.ledgerline.support.Requests.page(org.member(), "/invoices/" + invoice.id()))
			.andExpect(status().isNotFound());
		mvc.perform(io.ledgerline.support.Requests.page(org.admin(), "/invoices/" + invoice.id()))
			.andExpect(status().isOk());
		mvc.perform(formJson(org.admin(), "/invoices/" + invoice.id()).param("customerName", "X")
			.param("status", "paid")
			.param("total", "1.00")
			.param("version", "2"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error.message").value(deleted));
		mvc.perform(formJson(org.admin(), "/invoices/" + invoice.id() + "/restore").param("version", "2"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error.message").value(deleted));
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "archive", "delete" })
	void aStaleVersionIsAConflictWithTheCurrentRowAndChangesNothing(String action) throws Exception {
		fixtures.drift(invoice.id());

		mvc.perform(formJson(org.admin(), "/invoices/" + invoice.id() + "/" + action).param("version", "1"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error.code").value("conflict"))
			.andExpect(jsonPath("$.error.message").value(InvoiceConflictException.CHANGED_ELSEWHERE))
			.andExpect(jsonPath("$.error.current.version").value(2));

		assertThat(fixtures.row(invoice.id()).archived()).isFalse();
		assertThat(fixtures.row(invoice.id()).deleted()).isFalse();
		assertThat(fixtures.auditRows(invoice.id())).isZero();
		assertThat(summary()).isEqualTo("2 150.00");
	}

	@Test
	void aStaleRestoreIsAConflict() throws Exception {
		mvc.perform(form(org.member(), "/invoices/" + invoice.id() + "/archive").param("version", "1"))
			.andExpect(status().isSeeOther());
		fixtures.drift(invoice.id());

		mvc.perform(formJson(org.member(), "/invoices/" + invoice.id() + "/restore").param("version", "2"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error.current.version").value(3));
		assertThat(fixtures.row(invoice.id()).archived()).isTrue();
		assertThat(fixtures.auditRows(invoice.id(), "invoice.restore")).isZero();
	}

	@Test
	void withoutJavaScriptAStaleArchiveRedirectsToTheListWithTheConflictToast() throws Exception {
		fixtures.drift(invoice.id());

		mvc.perform(form(org.member(), "/invoices/" + invoice.id() + "/archive").param("version", "1")
			.param("view", "active"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices?view=active"))
			.andExpect(flash().attribute("toast",
					new Toast(Toast.Kind.ERROR, InvoiceConflictException.CHANGED_ELSEWHERE)));
		assertThat(fixtures.row(invoice.id()).archived()).isFalse();
	}

	@Test
	void archivingAnArchivedInvoiceIsAConflictNotASecondArchive() throws Exception {
		mvc.perform(form(org.member(), "/invoices/" + invoice.id() + "/archive").param("version", "1"))
			.andExpect(status().isSeeOther());

		mvc.perform(formJson(org.member(), "/invoices/" + invoice.id() + "/archive").param("version", "2"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error.message").value(invoice.number() + " is already archived."));
		assertThat(fixtures.auditRows(invoice.id(), "invoice.archive")).isEqualTo(1);
	}

	@Test
	void aMissingVersionIsABadRequest() throws Exception {
		mvc.perform(form(org.member(), "/invoices/" + invoice.id() + "/archive")).andExpect(status().isBadRequest());
		assertThat(fixtures.row(invoice.id()).archived()).isFalse();
	}

	private String summary() {
		return jdbc.sql("SELECT active_count, active_total FROM org_invoice_summaries WHERE org_id = ?")
			.param(org.id())
			.query((rs, n) -> rs.getLong(1) + " " + rs.getBigDecimal(2).setScale(2).toPlainString())
			.single();
	}

}
