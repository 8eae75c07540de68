package io.ledgerline.invoices.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.invoices.InvoiceAccess;
import io.ledgerline.invoices.InvoiceCsvExport;
import io.ledgerline.invoices.InvoiceSearch;
import io.ledgerline.invoices.InvoiceView;

/**
 * {@code GET /invoices.csv?view=…&q=…}: the list view (or a search within it, with the
 * list's rules for {@code q}) as a spreadsheet file, with the list's authorization (the
 * "all" view, which includes deleted invoices, is for admins) and its tenancy (the active
 * org only). Everything is checked before the first byte is written, so a refusal is an
 * ordinary 400/403 answer, not a broken download.
 */
@Controller
class InvoiceCsvController {

	private static final Logger log = LoggerFactory.getLogger(InvoiceCsvController.class);

	private final InvoiceCsvExport export;

	private final Clock clock;

	InvoiceCsvController(InvoiceCsvExport export, Clock clock) {
		this.export = export;
		this.clock = clock;
	}

	@GetMapping("/invoices.csv")
	void csv(ActingUser me, @RequestParam(required = false) String view, @RequestParam(required = false) String q,
			HttpServletResponse response) throws IOException {
		InvoiceView parsed = InvoiceView.parse(view);
		InvoiceSearch search = InvoiceSearch.parse(q);
		// The list's rule, checked before any byte goes out.
		InvoiceAccess.authorizeView(me, parsed);
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		String filename = "invoices-" + me.orgId().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + parsed.value()
				+ (search.isNone() ? "" : "-search") + "-" + today + ".csv";
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		long started = System.nanoTime();
		long rows = export.write(me.orgId(), parsed, search, today, response.getOutputStream());
		// What was searched stays out of the log (customer names); that there was a
		// search
		// explains the row count.
		log.info("CSV export org={} view={} searched={} rows={} in {} ms", me.orgId(), parsed.value(), !search.isNone(),
				rows, (System.nanoTime() - started) / 1_000_000);
	}

}
