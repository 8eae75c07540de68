package io.ledgerline.invoices.print;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.View;

import io.ledgerline.invoices.InvoiceDetail;
import io.ledgerline.invoices.InvoiceReads;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tenancy.ActingUser;

/**
 * An invoice to keep or send outside the app: a printable page and a PDF, read like the
 * detail page (the active org's invoice, as the user may see it; an invoice number in the
 * path leads here as on the detail route).
 */
@Controller
class InvoicePrintController {

	private static final MediaType PDF = MediaType.APPLICATION_PDF;

	private final InvoiceReads reads;

	private final InvoicePrints prints;

	InvoicePrintController(InvoiceReads reads, InvoicePrints prints) {
		this.reads = reads;
		this.prints = prints;
	}

	@GetMapping("/invoices/{id}/print")
	View print(ActingUser me, @PathVariable long id) {
		return this.prints.page(me, this.reads.record(me, id));
	}

	@GetMapping("/invoices/{id}.pdf")
	ResponseEntity<byte[]> pdf(ActingUser me, @PathVariable long id) {
		Cached<InvoiceDetail> detail = this.reads.record(me, id);
		byte[] pdf = this.prints.pdf(me, detail);
		// Inline: the browser shows it and its save dialog offers the invoice's number.
		ContentDisposition disposition = ContentDisposition.inline()
			.filename(fileName(detail.value().invoice().number()))
			.build();
		return ResponseEntity.ok()
			.contentType(PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.contentLength(pdf.length)
			.body(pdf);
	}

	/**
	 * {@code INV-1042.pdf}; anything but letters, digits, dot and dash becomes a dash.
	 */
	static String fileName(String number) {
		return number.replaceAll("[^A-Za-z0-9.-]", "-") + ".pdf";
	}

}
