package io.ledgerline.invoices.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.View;

import io.ledgerline.tagcache.Cached;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.invoices.InvoicePage;
import io.ledgerline.invoices.InvoiceReads;
import io.ledgerline.invoices.InvoiceSearch;
import io.ledgerline.invoices.InvoiceView;
import io.ledgerline.invoices.NotAPageBoundaryException;

@Controller
class InvoiceListController {

	private final InvoiceReads reads;

	private final InvoicePages pages;

	InvoiceListController(InvoiceReads reads, InvoicePages pages) {
		this.reads = reads;
		this.pages = pages;
	}

	@GetMapping(path = "/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ApiResponse listJson(ActingUser me, @RequestParam(required = false) String view,
			@RequestParam(required = false) String q, @RequestParam(required = false) String cursor) {
		return ApiResponse.ok(reads.list(me, InvoiceView.parse(view), InvoiceSearch.parse(q), cursor).value());
	}

	/**
	 * A cursor that does not start a page (see {@link InvoiceReads#list}): the page that
	 * holds its rows now, for browsers and JSON clients alike (both follow a 303 on a
	 * GET).
	 */
	@ExceptionHandler(NotAPageBoundaryException.class)
	ResponseEntity<Void> nearestPage(NotAPageBoundaryException notABoundary) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(URI.create(whereItsRowsAreNow(notABoundary)))
			.build();
	}

	/** Where the rows after the refused cursor are listed now. */
	private static String whereItsRowsAreNow(NotAPageBoundaryException notABoundary) {
		return ListLinks.to(notABoundary.view().value(), notABoundary.search().linkText(),
				notABoundary.nearestCursor());
	}

	@GetMapping("/invoices")
	View list(ActingUser me, @RequestParam(required = false) String view, @RequestParam(required = false) String q,
			@RequestParam(required = false) String cursor) {
		InvoiceView parsedView = InvoiceView.parse(view);
		InvoiceSearch search = InvoiceSearch.parse(q);
		Cached<InvoicePage> page = reads.list(me, parsedView, search, cursor);
		return pages.list(me, parsedView, search, cursor, page, reads.summary(me.orgId()));
	}

}
