package io.ledgerline.invoices;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.ledgerline.caching.FetchedAt;
import io.ledgerline.summary.OrgSummary;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;

@Controller
class InvoiceListController {

	static final String VIEW_LIST = "invoices/list";

	private final InvoiceReads reads;

	private final InvoiceFragments fragments;

	InvoiceListController(InvoiceReads reads, InvoiceFragments fragments) {
		this.reads = reads;
		this.fragments = fragments;
	}

	@GetMapping(path = "/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ApiResponse listJson(ActingUser me, @RequestParam(required = false) String view,
			@RequestParam(required = false) String cursor) {
		return ApiResponse.ok(reads.list(me, InvoiceView.parse(view), cursor).value());
	}

	@GetMapping("/invoices")
	String list(ActingUser me, @RequestParam(required = false) String view,
			@RequestParam(required = false) String cursor, Model model) {
		InvoiceView parsedView = InvoiceView.parse(view);
		Cached<InvoicePage> page = reads.list(me, parsedView, cursor);
		Cached<OrgSummary> summary = reads.summary(me.orgId());
		model.addAttribute("view", parsedView.value());
		model.addAttribute("rows", fragments.list(me, parsedView, cursor, page));
		model.addAttribute("summary", summary.value());
		model.addAttribute("fetched", FetchedAt.of(page.fetchedAt(), null, summary.fetchedAt()));
		return VIEW_LIST;
	}

}
