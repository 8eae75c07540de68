package io.ledgerline.invoices.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceDetail;
import io.ledgerline.invoices.InvoiceLine;
import io.ledgerline.invoices.Lifecycle;
import io.ledgerline.web.HumanTime;
import io.ledgerline.web.Money;

/**
 * One invoice as a PDF (PDFBox): the org's name, the number, status, customer, dates, the
 * line items and the total, on as many US Letter pages as the lines need. Everything it
 * prints comes from the record and the org's name, so the record's tag is all that makes
 * it stale.
 */
final class InvoicePdfRenderer {

	private static final Money MONEY = Money.PEOPLE;

	/** Columns of the line table: x of each column's left edge, and the page's right. */
	private static final float[] COLUMNS = { PdfPages.LEFT, PdfPages.LEFT + 28, 330, 410, 490 };

	private InvoicePdfRenderer() {
	}

	static byte[] render(String orgName, InvoiceDetail detail) {
		Invoice invoice = detail.invoice();
		try (PDDocument document = new PDDocument()) {
			describe(document, orgName, invoice);
			PdfPages pages = new PdfPages(document, PDRectangle.LETTER);
			heading(pages, orgName, invoice);
			lines(pages, detail.lines());
			total(pages, invoice);
			pages.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException failed) {
			// In memory, with built-in fonts: a failure here is a bug, not a condition.
			throw new UncheckedIOException("Rendering the PDF of " + invoice.number() + " failed", failed);
		}
	}

	private static void describe(PDDocument document, String orgName, Invoice invoice) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle("Invoice " + invoice.number());
		info.setAuthor(orgName);
		info.setCreator("Ledgerline");
		// The record's last change, not the render time: the same record, the same dates.
		if (invoice.updatedAt() != null) {
			Calendar at = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
			at.setTimeInMillis(invoice.updatedAt().toEpochMilli());
			info.setCreationDate(at);
			info.setModificationDate(at);
		}
	}

	private static void heading(PdfPages pages, String orgName, Invoice invoice) throws IOException {
		pages.text(PdfPages.LEFT, orgName, PdfPages.Style.TITLE);
		pages.down(28);
		pages.text(PdfPages.LEFT, "Invoice " + invoice.number(), PdfPages.Style.HEADING);
		pages.textRight(PdfPages.RIGHT, "Status: " + status(invoice), PdfPages.Style.HEADING);
		pages.down(26);
		fact(pages, "Billed to", invoice.customerName());
		fact(pages, "Issued", HumanTime.PEOPLE.day(invoice.issuedOn()));
		fact(pages, "Due", HumanTime.PEOPLE.day(invoice.dueOn()));
		pages.down(14);
	}

	private static String status(Invoice invoice) {
		String status = invoice.status().value();
		return invoice.lifecycle() == Lifecycle.ACTIVE ? status
				: status + " (" + invoice.lifecycle().name().toLowerCase(java.util.Locale.ROOT) + ")";
	}

	private static void fact(PdfPages pages, String label, String value) throws IOException {
		pages.text(PdfPages.LEFT, label, PdfPages.Style.LABEL);
		pages.text(PdfPages.LEFT + 90, value, PdfPages.Style.BODY);
		pages.down(16);
	}

	private static void lines(PdfPages pages, List<InvoiceLine> lines) throws IOException {
		tableHead(pages);
		for (InvoiceLine line : lines) {
			List<String> description = pages.wrap(line.description(), COLUMNS[2] - COLUMNS[1] - 10,
					PdfPages.Style.BODY);
			float height = 14 * description.size() + 4;
			if (pages.newPageIfBelow(height)) {
				tableHead(pages);
			}
			pages.text(COLUMNS[0], Integer.toString(line.lineNo()), PdfPages.Style.BODY);
			pages.textRight(COLUMNS[3] - 8, line.quantity().stripTrailingZeros().toPlainString(), PdfPages.Style.BODY);
			pages.textRight(COLUMNS[4] - 8, MONEY.format(line.unitPrice()), PdfPages.Style.BODY);
			pages.textRight(PdfPages.RIGHT, MONEY.format(line.amount()), PdfPages.Style.BODY);
			for (String part : description) {
				pages.text(COLUMNS[1], part, PdfPages.Style.BODY);
				pages.down(14);
			}
			pages.down(4);
		}
	}

	private static void tableHead(PdfPages pages) throws IOException {
		pages.text(COLUMNS[0], "#", PdfPages.Style.LABEL);
		pages.text(COLUMNS[1], "Description", PdfPages.Style.LABEL);
		pages.textRight(COLUMNS[3] - 8, "Qty", PdfPages.Style.LABEL);
		pages.textRight(COLUMNS[4] - 8, "Unit price", PdfPages.Style.LABEL);
		pages.textRight(PdfPages.RIGHT, "Amount", PdfPages.Style.LABEL);
		pages.down(6);
		pages.rule();
		pages.down(14);
	}

	private static void total(PdfPages pages, Invoice invoice) throws IOException {
		pages.newPageIfBelow(40);
		pages.rule();
		pages.down(18);
		pages.textRight(COLUMNS[4] - 8, "Total " + MONEY.currency(), PdfPages.Style.HEADING);
		pages.textRight(PdfPages.RIGHT, MONEY.format(invoice.total()), PdfPages.Style.HEADING);
	}

}
