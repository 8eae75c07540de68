package io.ledgerline.invoices;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.formJson;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;
import io.ledgerline.tagcache.testing.ManualClock;

@IntegrationTest
class InvoiceEditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ManualClock clock;

	@Autowired
	Fixtures fixtures;

	TestOrg org;

	TestInvoice invoice;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		invoice = fixtures.invoice(org, "100.00");
	}

	private String url() {
		return "/invoices/" + invoice.id();
	}

	@Test
	void cleanSaveWinsBumpsTheVersionAndRedirectsWithSeeOther() throws Exception {
		mvc.perform(form(org.member(), url()).param("customerName", "Initech")
			.param("status", "sent")
			.param("total", "250.50")
			.param("version", "1"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices"));

		Fixtures.InvoiceRow row = fixtures.row(invoice.id());
		assertThat(row.customerName()).isEqualTo("Initech");
		assertThat(row.status()).isEqualTo("sent");
		assertThat(row.total()).isEqualByComparingTo("250.50");
		assertThat(row.version()).isEqualTo(2);
		assertThat(fixtures.auditRows(invoice.id(), "invoice.update")).isEqualTo(1);
	}

	@Test
	void staleSaveIsAConflictCarryingTheCurrentRowAndLeavesTheRowUntouched() throws Exception {
		save(org.member(), "111.00", "1");

		mvc.perform(formJson(org.member(), url()).param("customerName", "Other tab")
			.param("status", "sent")
			.param("total", "222.00")
			.param("version", "1"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.error.code").value("conflict"))
			.andExpect(jsonPath("$.error.current.total").value(111.00))
			.andExpect(jsonPath("$.error.current.version").value(2))
			.andExpect(jsonPath("$.current.id").value(invoice.id()));

		Fixtures.InvoiceRow row = fixtures.row(invoice.id());
		assertThat(row.total()).isEqualByComparingTo("111.00");
		assertThat(row.version()).isEqualTo(2);
		assertThat(fixtures.auditRows(invoice.id())).isEqualTo(1);
	}

	@Test
	void staleSaveInTheBrowserReRendersTheFormWithTheBannerAndKeepsTheUsersValues() throws Exception {
		save(org.admin(), "111.00", "1");

		mvc.perform(form(org.member(), url()).param("customerName", "Mine")
			.param("status", "sent")
			.param("total", "222.00")
			.param("version", "1"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("data-testid=\"conflict-banner\"")))
			.andExpect(content()
				.string(containsString("data-testid=\"conflict-current-total\" data-value=\"111.00\">111.00<")))
			.andExpect(content().string(containsString("value=\"222.00\"")))
			.andExpect(content().string(not(containsString("conflict-overwrite"))));
	}

	@Test
	void theConflictBannerMarksTheFieldsThatDifferAndSaysWhoSavedAndWhen() throws Exception {
		save(org.admin(), "12500.00", "1");
		clock.advance(Duration.ofMinutes(3));

		String body = mvc
			.perform(form(org.member(), url()).param("customerName", "Fixture Customer")
				.param("status", "draft")
				.param("total", "13000")
				.param("issuedOn", "2026-11-01")
				.param("dueOn", "2026-12-20")
				.param("version", "1"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();

		PageHtml page = new PageHtml(body);
		assertThat(page.text("conflict-yours-total")).isEqualTo("13,000.00");
		assertThat(page.text("conflict-current-total")).isEqualTo("12,500.00");
		assertThat(page.value("conflict-current-total")).isEqualTo("12500.00");
		assertThat(body).contains("data-field=\"total\" class=\"differs\"")
			.doesNotContain("data-field=\"customerName\" class=\"differs\"");
		assertThat(body).contains("data-field=\"dueOn\" class=\"differs\"")
			.doesNotContain("data-field=\"issuedOn\" class=\"differs\"");
		assertThat(page.text("conflict-yours-due")).isEqualTo("20 Dec 2026");
		assertThat(page.text("conflict-current-due")).isEqualTo("1 Dec 2026");
		assertThat(page.text("conflict-current-issued")).isEqualTo("1 Nov 2026");
		assertThat(page.text("conflict-saved-by")).startsWith("Saved by");
		assertThat(body).contains("<strong>" + org.admin() + "</strong>");
		// When, in words (the page is rendered for this request), the instant in
		// datetime.
		assertThat(page.text("conflict-saved-at")).isEqualTo("3 min ago");
		assertThat(page.attributes("conflict-saved-at").get("datetime"))
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(page.attributes("conflict-saved-at").get("title")).endsWith(" UTC");
		assertThat(body).contains(InvoiceConflictException.EDIT_CHANGED_ELSEWHERE).doesNotContain("refresh");
	}

	@Test
	void aTotalTypedTheWayTheAppPrintsMoneyIsSaved() throws Exception {
		mvc.perform(form(org.member(), url()).param("customerName", "Fixture Customer")
			.param("status", "draft")
			.param("total", "1,234.50")
			.param("version", "1")).andExpect(status().isSeeOther());

		assertThat(fixtures.row(invoice.id()).total()).isEqualByComparingTo("1234.50");
	}

	@Test
	void adminsSeeTheOverwriteButtonOnAConflict() throws Exception {
		save(org.member(), "111.00", "1");

		mvc.perform(form(org.admin(), url()).param("customerName", "Mine")
			.param("status", "sent")
			.param("total", "222.00")
			.param("version", "1"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("data-testid=\"conflict-overwrite\"")));
	}

	@Test
	void resubmittingAtTheCurrentVersionSucceeds() throws Exception {
		save(org.member(), "111.00", "1");
		mvc.perform(form(org.member(), url()).param("customerName", "Fixture Customer")
			.param("status", "draft")
			.param("total", "222.00")
			.param("version", "1")).andExpect(status().isConflict());

		save(org.member(), "222.00", "2");

		assertThat(fixtures.row(invoice.id()).total()).isEqualByComparingTo("222.00");
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(3);
	}

	@Test
	void anAdminsOverwriteAppliesDespiteDrift() throws Exception {
		fixtures.drift(invoice.id());
		fixtures.drift(invoice.id());

		mvc.perform(formJson(org.admin(), url()).param("customerName", "Overwritten")
			.param("status", "sent")
			.param("total", "999.99")
			.param("version", "1")
			.param("overwrite", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.data.version").value(4));

		assertThat(fixtures.row(invoice.id()).total()).isEqualByComparingTo("999.99");
		assertThat(fixtures.auditRows(invoice.id(), "invoice.update")).isEqualTo(1);
	}

	@Test
	void aMembersForgedOverwriteIsForbiddenAndTheRowIsUntouched() throws Exception {
		fixtures.drift(invoice.id());

		mvc.perform(form(org.member(), url()).param("customerName", "Forged")
			.param("status", "sent")
			.param("total", "1.00")
			.param("version", "1")
			.param("overwrite", "true")).andExpect(status().isForbidden());

		Fixtures.InvoiceRow row = fixtures.row(invoice.id());
		assertThat(row.customerName()).isEqualTo("Fixture Customer");
		assertThat(row.total()).isEqualByComparingTo("100.00");
		assertThat(row.version()).isEqualTo(2);
		assertThat(fixtures.auditRows(invoice.id())).isZero();
	}

	@Test
	void aTamperedVersionJustEarnsAnotherConflict() throws Exception {
		mvc.perform(form(org.member(), url()).param("customerName", "X")
			.param("status", "sent")
			.param("total", "1.00")
			.param("version", "999")).andExpect(status().isConflict());
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
	}

	@ParameterizedTest(name = "[{index}] {0}={1}")
	@CsvSource(delimiter = '|', value = { "total|abc", "total|-5.00", "total|12345678901.00", "total|1.234", "total|''",
			"status|archived", "status|''", "customerName|''", "customerName|'   '" })
	void invalidFieldsAnswer422WithAFieldErrorAndWriteNothing(String field, String value) throws Exception {
		var request = form(org.member(), url()).param("version", "1");
		for (String name : new String[] { "customerName", "status", "total" }) {
			request.param(name, name.equals(field) ? value : valid(name));
		}
		mvc.perform(request)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-testid=\"field-error\" data-field=\"" + field + "\"")));

		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
		assertThat(fixtures.auditRows(invoice.id())).isZero();
	}

	@Test
	void anOversizedCustomerNameIsAValidationErrorAsJson() throws Exception {
		mvc.perform(formJson(org.member(), url()).param("customerName", "x".repeat(201))
			.param("status", "sent")
			.param("total", "1.00")
			.param("version", "1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.error.code").value("validation"));
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
	}

	@ParameterizedTest
	@CsvSource({ "'Nul\u0000Byte'", "'Two\nLines'", "'Tab\tbed'" })
	void controlCharactersInTheCustomerNameAreValidationErrors(String name) throws Exception {
		mvc.perform(form(org.member(), url()).param("customerName", name)
			.param("status", "sent")
			.param("total", "1.00")
			.param("version", "1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"customerName\"")));
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
	}

	@Test
	void missingFieldsAreValidationErrorsNotServerErrors() throws Exception {
		mvc.perform(form(org.member(), url()).param("version", "1")).andExpect(status().isUnprocessableContent());
	}

	@ParameterizedTest
	@CsvSource({ "abc", "-1", "''" })
	void aMalformedVersionIsABadRequest(String version) throws Exception {
		mvc.perform(form(org.member(), url()).param("customerName", "X")
			.param("status", "sent")
			.param("total", "1.00")
			.param("version", version)).andExpect(status().isBadRequest());
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
	}

	@Test
	void aMalformedOverwriteFlagIsABadRequest() throws Exception {
		mvc.perform(form(org.admin(), url()).param("customerName", "X")
			.param("status", "sent")
			.param("total", "1.00")
			.param("version", "1")
			.param("overwrite", "yes please")).andExpect(status().isBadRequest());
	}

	@Test
	void aMalformedIdIsABadRequest() throws Exception {
		mvc.perform(page(org.member(), "/invoices/abc")).andExpect(status().isBadRequest());
		mvc.perform(form(org.member(), "/invoices/abc").param("version", "1")).andExpect(status().isBadRequest());
	}

	@Test
	void theEditFormCarriesTheCurrentVersionAndCsrfToken() throws Exception {
		mvc.perform(page(org.member(), url() + "/edit"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"version\" value=\"1\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void aFormPostWithoutCsrfIsRefused() throws Exception {
		mvc.perform(post(url()).with(user(org.member()))
			.param("customerName", "X")
			.param("status", "sent")
			.param("total", "1.00")
			.param("version", "1")).andExpect(status().isForbidden());
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
	}

	private void save(String email, String total, String version) throws Exception {
		mvc.perform(form(email, url()).param("customerName", "Fixture Customer")
			.param("status", "draft")
			.param("total", total)
			.param("version", version)).andExpect(status().isSeeOther());
		assertThat(fixtures.row(invoice.id()).total()).isEqualByComparingTo(new BigDecimal(total));
	}

	private static String valid(String field) {
		return switch (field) {
			case "customerName" -> "Valid Customer";
			case "status" -> "sent";
			default -> "10.00";
		};
	}

}
