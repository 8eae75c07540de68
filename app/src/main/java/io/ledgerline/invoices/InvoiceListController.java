package io.ledgerline.invoices;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.ledgerline.summary.SummaryRepository;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.JsonRequests;

@Controller
class InvoiceListController {

	static final String VIEW_LIST = "invoices/list";

	private final InvoiceService invoices;

	private final SummaryRepository summaries;

	InvoiceListController(InvoiceService invoices, SummaryRepository summaries) {
		this.invoices = invoices;
		this.summaries = summaries;
	}

	@GetMapping("/invoices")
	Object list(ActingUser me, @RequestParam(required = false) String view,
			@RequestParam(required = false) String cursor, HttpServletRequest request, Model model) {
		InvoiceView parsedView = InvoiceView.parse(view);
		InvoicePage page = invoices.list(me, parsedView, cursor);
		if (JsonRequests.wantsJson(request)) {
			return ResponseEntity.ok(ApiResponse.ok(page));
		}
		model.addAttribute("view", parsedView.value());
		model.addAttribute("page", page);
		model.addAttribute("summary", summaries.find(me.orgId()));
		return VIEW_LIST;
	}

}
