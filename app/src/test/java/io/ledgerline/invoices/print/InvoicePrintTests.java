package io.ledgerline.invoices.print;

import static io.ledgerline.support.Requests.form;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.support.PageHtml;

/**
 * The printable page and the PDF: what they show, that they are read like the detail page
 * (the active org's invoice, as the user may see it), and that the record's tag refreshes
 * them.
 */
@IntegrationTest
class InvoicePrintTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	TestOrg org;

	TestInvoice invoice;

	@BeforeEach
	void anOrgWithAnInvoice() {
		org = fixtures.org();
		invoice = fixtures.invoice(org, "1234.50");
	}

	@Test
	void thePdfOfTheDemoInvoiceHasTheOrgNumberDatesLinesTotalAndStatus() throws Exception {
		long id = fixtures.demoInvoiceId("INV-1042");

		byte[] pdf = mvc.perform(page("priya@acme.test", "/invoices/" + id + ".pdf"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
			.andExpect(header().string("Content-Disposition", "inline; filename=\"INV-1042.pdf\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		String text = textOf(pdf);
		assertThat(text).contains("Acme Corp", "Invoice INV-1042", "Status: sent", "Billed to", "Issued", "14 Oct 2026",
				"Due", "12 Jan 2027");
		assertThat(text).contains("Platform subscription (annual)", "Implementation and data migration",
				"On-site training workshop");
		assertThat(text).contains("4,800.00", "6,000.00", "150.00", "1,200.00", "Total USD", "12,000.00");
	}

	@Test
	void thePrintPageShowsTheInvoiceWithoutTheAppsChrome() throws Exception {
		long id = fixtures.demoInvoiceId("INV-1042");

		PageHtml html = html("priya@acme.test", "/invoices/" + id + "/print");

		assertThat(html.text("print-org")).isEqualTo("Acme Corp");
		assertThat(html.text("print-number")).isEqualTo("INV-1042");
		assertThat(html.text("print-status")).isEqualTo("sent");
		assertThat(html.text("print-customer")).isEqualTo("Acme Corp");
		assertThat(html.attributes("print-issued").get("datetime")).isEqualTo("2026-10-14");
		assertThat(html.attributes("print-due").get("datetime")).isEqualTo("2027-01-12");
		assertThat(html.text("print-issued")).isEqualTo("14 Oct 2026");
		assertThat(html.text("print-due")).isEqualTo("12 Jan 2027");
		assertThat(html.count("data-testid=\"print-line\"")).isEqualTo(3);
		assertThat(html.text("print-total")).isEqualTo("12,000.00");
		assertThat(html.value("print-total")).isEqualTo("12000.00");
		assertThat(html.attributes("print-pdf").get("href")).isEqualTo("/invoices/" + id + ".pdf");
		assertThat(html.toString()).contains("/css/print.css")
			.doesNotContain("data-testid=\"current-user\"")
			.doesNotContain("data-testid=\"sign-out\"")
			.doesNotContain("/css/app.css");
	}

	@Test
	void theDetailPageLinksToBoth() throws Exception {
		PageHtml detail = html(org.member(), "/invoices/" + invoice.id());

		assertThat(detail.attributes("print-link").get("href")).isEqualTo("/invoices/" + invoice.id() + "/print");
		assertThat(detail.attributes("pdf-link").get("href")).isEqualTo("/invoices/" + invoice.id() + ".pdf");
	}

	@Test
	void anotherOrgsInvoiceIsNotFoundByIdOrNumber() throws Exception {
		TestOrg other = fixtures.org();
		for (String url : new String[] { "/invoices/" + invoice.id() + ".pdf",
				"/invoices/" + invoice.id() + "/print" }) {
			mvc.perform(page(other.admin(), url)).andExpect(status().isNotFound());
		}
		mvc.perform(page("hank@globex.test", "/invoices/INV-1042.pdf")).andExpect(status().isNotFound());
		mvc.perform(page("hank@globex.test", "/invoices/INV-1042/print")).andExpect(status().isNotFound());
	}

	@Test
	void anInvoiceNumberLeadsToTheIdUrlOfTheSamePage() throws Exception {
		long id = fixtures.demoInvoiceId("INV-1042");

		mvc.perform(page("priya@acme.test", "/invoices/INV-1042.pdf"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices/" + id + ".pdf"));
		mvc.perform(page("priya@acme.test", "/invoices/INV-1042/print"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/invoices/" + id + "/print"));
	}

	@Test
	void aMalformedIdIsABadRequest() throws Exception {
		mvc.perform(page(org.member(), "/invoices/abc.pdf")).andExpect(status().isBadRequest());
		mvc.perform(page(org.member(), "/invoices/abc/print")).andExpect(status().isBadRequest());
	}

	@Test
	void aDeletedInvoiceIsNotFoundForAMemberAndShownAsDeletedToAnAdmin() throws Exception {
		mvc.perform(form(org.admin(), "/invoices/" + invoice.id() + "/delete").param("version", "1")
			.param("confirm", "yes")).andExpect(status().isSeeOther());

		mvc.perform(page(org.member(), "/invoices/" + invoice.id() + ".pdf")).andExpect(status().isNotFound());
		mvc.perform(page(org.member(), "/invoices/" + invoice.id() + "/print")).andExpect(status().isNotFound());
		assertThat(textOf(pdf(org.admin()))).contains("Status: draft (deleted)");
		assertThat(html(org.admin(), "/invoices/" + invoice.id() + "/print").text("print-lifecycle"))
			.isEqualTo("(deleted)");
	}

	@Test
	void thePdfIsCachedUntilAnEditAndTheNextOneShowsTheEdit() throws Exception {
		byte[] first = pdf(org.member());
		assertThat(textOf(first)).contains("1,234.50", "Fixture Customer", "Status: draft");
		// PDFBox writes a fresh document id into every rendering: equal bytes are the
		// cached entry.
		assertThat(pdf(org.admin())).isEqualTo(first);
		assertThat(html(org.member(), "/invoices/" + invoice.id() + "/print").text("print-total"))
			.isEqualTo("1,234.50");

		mvc.perform(form(org.member(), "/invoices/" + invoice.id()).param("customerName", "Initech")
			.param("status", "sent")
			.param("total", "2500.75")
			.param("version", "1")).andExpect(status().isSeeOther());

		byte[] afterEdit = pdf(org.member());
		assertThat(afterEdit).isNotEqualTo(first);
		assertThat(textOf(afterEdit)).contains("2,500.75", "Initech", "Status: sent").doesNotContain("1,234.50");
		assertThat(html(org.member(), "/invoices/" + invoice.id() + "/print").text("print-total"))
			.isEqualTo("2,500.75");
	}

	@Test
	void textTheFontLacksPrintsAsAQuestionMarkAndAccentsAsThemselves() throws Exception {
		mvc.perform(form(org.member(), "/invoices/" + invoice.id()).param("customerName", "Société Générale 日本")
			.param("status", "draft")
			.param("total", "10.00")
			.param("version", "1")).andExpect(status().isSeeOther());

		assertThat(textOf(pdf(org.member()))).contains("Société Générale ??");
	}

	private byte[] pdf(String user) throws Exception {
		return mvc.perform(page(user, "/invoices/" + invoice.id() + ".pdf"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private PageHtml html(String user, String url) throws Exception {
		return new PageHtml(mvc.perform(page(user, url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	static String textOf(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
