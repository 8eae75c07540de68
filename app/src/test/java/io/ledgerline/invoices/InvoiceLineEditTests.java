package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;

/**
 * Lines are the invoice: the edit form edits them, the total is always their sum, and a
 * total-only edit books its difference on one Adjustment line (docs/INVOICES.md).
 */
@IntegrationTest
class InvoiceLineEditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	TestOrg org;

	long id;

	@BeforeEach
	void setUp() throws Exception {
		org = fixtures.org();
		String location = mvc
			.perform(form(org.member(), "/invoices").param("customerName", "Initech")
				.param("issuedOn", "2026-11-01")
				.param("status", "draft")
				.param("lineDescription", "Design", "Build")
				.param("lineQuantity", "2", "10")
				.param("lineUnitPrice", "150.00", "80.00"))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private String url() {
		return "/invoices/" + id;
	}

	private MockHttpServletRequestBuilder edit(long version) {
		return form(org.member(), url()).param("customerName", "Initech")
			.param("status", "draft")
			.param("version", Long.toString(version));
	}

	private PageHtml html(String url) throws Exception {
		return new PageHtml(mvc.perform(page(org.member(), url)).andReturn().getResponse().getContentAsString());
	}

	@Test
	void theEditFormShowsTheLinesTheDatesAndARowToAddOne() throws Exception {
		PageHtml edit = html(url() + "/edit");

		assertThat(edit.count("name=\"lineDescription\"")).as("two lines, one blank row, one in the template")
			.isEqualTo(4);
		assertThat(edit.toString()).contains("value=\"Design\"", "value=\"Build\"", "name=\"issuedOn\"",
				"value=\"2026-11-01\"", "name=\"dueOn\"", "value=\"2026-12-01\"", "name=\"totalWas\"",
				"data-testid=\"add-line\"", "data-testid=\"remove-line\"");
	}

	@Test
	void savingChangedAddedAndRemovedLinesReplacesThemAndTheTotalIsTheirSum() throws Exception {
		mvc.perform(edit(1).param("issuedOn", "2026-11-02")
			.param("dueOn", "2026-12-15")
			.param("total", "1100.00")
			.param("totalWas", "1100.00")
			.param("lineDescription", "Design", "Support", "")
			.param("lineQuantity", "3", "1", "")
			.param("lineUnitPrice", "1,000.00", "49.99", "")).andExpect(status().isSeeOther());

		assertThat(fixtures.lines(id)).containsExactly("Design 3000.00", "Support 49.99");
		Fixtures.InvoiceRow row = fixtures.row(id);
		assertThat(row.total()).isEqualByComparingTo("3049.99");
		assertThat(row.version()).isEqualTo(2);
		PageHtml detail = html(url());
		assertThat(detail.text("lines-sum")).isEqualTo("3,049.99");
		assertThat(detail.text("detail-total")).isEqualTo("3,049.99");
		assertThat(detail.text("detail-due")).isEqualTo("15 Dec 2026");
		assertThat(detail.attributes("detail-due")).containsEntry("datetime", "2026-12-15");
		assertThat(detail.text("detail-issued")).isEqualTo("2 Nov 2026");
		assertThat(detail.attributes("detail-issued")).containsEntry("datetime", "2026-11-02");
		assertThat(html("/invoices").text("summary-total")).isEqualTo("3,049.99");
	}

	@Test
	void aTotalOnlyEditBooksOneAdjustmentLineThatLaterEditsChangeAndRemove() throws Exception {
		// 2 × 150 + 10 × 80 = 1,100.00
		for (int i = 0; i < 5; i++) {
			mvc.perform(edit(1 + i).param("total", (1200 + i) + ".00")).andExpect(status().isSeeOther());
		}
		assertThat(fixtures.lines(id)).as("one Adjustment line, however many total-only edits")
			.containsExactly("Design 300.00", "Build 800.00", "Adjustment 104.00");
		assertThat(fixtures.row(id).total()).isEqualByComparingTo("1204.00");

		mvc.perform(edit(6).param("total", "1000.00")).andExpect(status().isSeeOther());
		assertThat(fixtures.lines(id)).containsExactly("Design 300.00", "Build 800.00", "Adjustment -100.00");

		mvc.perform(edit(7).param("total", "1,100.00")).andExpect(status().isSeeOther());
		assertThat(fixtures.lines(id)).as("removed once the other lines add up")
			.containsExactly("Design 300.00", "Build 800.00");
		PageHtml detail = html(url());
		assertThat(detail.text("lines-sum")).isEqualTo(detail.text("detail-total"));
		assertThat(detail.has("lines-total-differs")).isFalse();
	}

	@Test
	void aFormWhoseTotalWasLeftAloneFollowsItsLinesAndATypedTotalAdjustsThem() throws Exception {
		mvc.perform(edit(1).param("total", "1100.00")
			.param("totalWas", "1100.00")
			.param("lineDescription", "Design")
			.param("lineQuantity", "1")
			.param("lineUnitPrice", "150.00")).andExpect(status().isSeeOther());
		assertThat(fixtures.lines(id)).containsExactly("Design 150.00");
		assertThat(fixtures.row(id).total()).isEqualByComparingTo("150.00");

		mvc.perform(edit(2).param("total", "200.00")
			.param("totalWas", "150.00")
			.param("lineDescription", "Design")
			.param("lineQuantity", "1")
			.param("lineUnitPrice", "150.00")).andExpect(status().isSeeOther());
		assertThat(fixtures.lines(id)).containsExactly("Design 150.00", "Adjustment 50.00");
	}

	@Test
	void anInvoiceWithoutLinesSavedFromTheFormIsItsTotalOnOneAdjustmentLine() throws Exception {
		Fixtures.TestInvoice imported = fixtures.invoice(org, "75.00");

		mvc.perform(form(org.member(), "/invoices/" + imported.id()).param("customerName", "Renamed")
			.param("status", "draft")
			.param("version", "1")
			.param("total", "75.00")
			.param("totalWas", "75.00")
			.param("lineDescription", "")
			.param("lineQuantity", "")
			.param("lineUnitPrice", "")).andExpect(status().isSeeOther());

		assertThat(fixtures.lines(imported.id())).containsExactly("Adjustment 75.00");
		assertThat(fixtures.row(imported.id()).customerName()).isEqualTo("Renamed");
	}

	@Test
	void addAndRemoveLineWithoutJavaScriptRerenderTheFormAndWriteNothing() throws Exception {
		String added = mvc
			.perform(edit(1).param("total", "1100.00")
				.param("totalWas", "1100.00")
				.param("lineDescription", "Design", "Typed but not saved")
				.param("lineQuantity", "2", "1")
				.param("lineUnitPrice", "150.00", "5")
				.param("addLine", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(new PageHtml(added).count("data-testid=\"new-line\"")).as("two rows, one added, one template")
			.isEqualTo(4);
		assertThat(added).contains("value=\"Typed but not saved\"");

		String removed = mvc
			.perform(edit(1).param("total", "1100.00")
				.param("lineDescription", "Design", "Typed but not saved")
				.param("lineQuantity", "2", "1")
				.param("lineUnitPrice", "150.00", "5")
				.param("removeLine", "0"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(removed).doesNotContain("value=\"Design\"").contains("value=\"Typed but not saved\"");

		assertThat(fixtures.row(id).version()).isEqualTo(1);
		assertThat(fixtures.lines(id)).containsExactly("Design 300.00", "Build 800.00");
	}

	@Test
	void aStaleSaveOfLinesConflictsAndTheBannerMarksTheLinesThatDiffer() throws Exception {
		mvc.perform(edit(1).param("total", "1100.00")
			.param("totalWas", "1100.00")
			.param("lineDescription", "Design", "Build")
			.param("lineQuantity", "2", "12")
			.param("lineUnitPrice", "150.00", "80.00")).andExpect(status().isSeeOther());

		String page = mvc
			.perform(edit(1).param("total", "1100.00")
				.param("totalWas", "1100.00")
				.param("lineDescription", "Design", "Build", "Extra")
				.param("lineQuantity", "2", "10", "1")
				.param("lineUnitPrice", "150.00", "80.00", "9.00"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();

		PageHtml conflict = new PageHtml(page);
		assertThat(conflict.has("conflict-banner")).isTrue();
		assertThat(conflict.count("data-testid=\"conflict-line\"")).isEqualTo(3);
		assertThat(page).contains("data-line=\"1\" data-differs=\"false\"", "data-line=\"2\" data-differs=\"true\"",
				"data-line=\"3\" data-differs=\"true\"");
		assertThat(page).as("the user's lines are kept in the form").contains("value=\"Extra\"");
		assertThat(fixtures.lines(id)).containsExactly("Design 300.00", "Build 960.00");
		assertThat(fixtures.row(id).version()).isEqualTo(2);
	}

	@Test
	void badLinesAnswer422WithTheirFieldErrorsAndWriteNothing() throws Exception {
		String page = mvc
			.perform(edit(1).param("total", "1100.00")
				.param("lineDescription", "Design", "Adjustment", "Adjustment")
				.param("lineQuantity", "2", "1", "1")
				.param("lineUnitPrice", "1,50.00", "-5.00", "-6.00"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-field=\"lines[0].unitPrice\"", "data-field=\"lines\"",
				"at most one Adjustment line");

		mvc.perform(edit(1).param("dueOn", "2026-10-01").param("total", "5.00"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(formJson(org.member(), url()).param("customerName", "Initech")
			.param("status", "draft")
			.param("version", "1")
			.param("lineDescription", "Adjustment")
			.param("lineQuantity", "1")
			.param("lineUnitPrice", "-5.00"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.error.code").value("validation"));

		assertThat(fixtures.row(id).version()).isEqualTo(1);
		assertThat(fixtures.lines(id)).containsExactly("Design 300.00", "Build 800.00");
		assertThat(fixtures.auditRows(id, "invoice.update")).isZero();
	}

	@Test
	void jsonClientsEditLinesAndGetTheInvoiceWithItsDueDate() throws Exception {
		mvc.perform(formJson(org.member(), url()).param("customerName", "Initech")
			.param("status", "sent")
			.param("version", "1")
			.param("dueOn", "2026-12-20")
			.param("lineDescription", "Design, phase 1")
			.param("lineQuantity", "1.5")
			.param("lineUnitPrice", "99.99"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.total").value(149.98))
			.andExpect(jsonPath("$.data.dueOn").value("2026-12-20"))
			.andExpect(jsonPath("$.data.version").value(2));
		assertThat(fixtures.lines(id)).isEqualTo(List.of("Design, phase 1 149.98"));
	}

}
