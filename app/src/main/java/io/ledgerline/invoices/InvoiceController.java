package io.ledgerline.invoices;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.caching.FetchedAt;
import io.ledgerline.summary.OrgSummary;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ActionAnswers;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.BadRequestException;
import io.ledgerline.web.JsonRequests;
import io.ledgerline.web.Toast;
import io.ledgerline.web.ValidationException;

/** Detail page, edit form and its submit. */
@Controller
class InvoiceController {

	static final String VIEW_DETAIL = "invoices/detail";

	static final String VIEW_EDIT = "invoices/edit";

	private final InvoiceService invoices;

	private final InvoiceReads reads;

	InvoiceController(InvoiceService invoices, InvoiceReads reads) {
		this.invoices = invoices;
		this.reads = reads;
	}

	@ModelAttribute("statuses")
	InvoiceStatus[] statuses() {
		return InvoiceStatus.values();
	}

	@GetMapping("/invoices/{id}")
	Object detail(ActingUser me, @PathVariable long id, HttpServletRequest request, Model model) {
		Cached<InvoiceDetail> detail = reads.record(me, id);
		if (JsonRequests.wantsJson(request)) {
			return ResponseEntity.ok(ApiResponse.ok(detail.value()));
		}
		Cached<OrgSummary> summary = reads.summary(me.orgId());
		Cached<InvoicePage> list = reads.list(me, InvoiceView.ACTIVE, null);
		model.addAttribute("invoice", detail.value().invoice());
		model.addAttribute("lines", detail.value().lines());
		model.addAttribute("fetched", FetchedAt.of(list.fetchedAt(), detail.fetchedAt(), summary.fetchedAt()));
		return VIEW_DETAIL;
	}

	@GetMapping("/invoices/{id}/edit")
	String edit(ActingUser me, @PathVariable long id, Model model) {
		Invoice invoice = invoices.get(me, id);
		if (invoice.lifecycle() == Lifecycle.DELETED) {
			throw new InvoiceConflictException(invoice.number() + " was deleted and can no longer be edited.", invoice);
		}
		model.addAttribute("invoice", invoice);
		model.addAttribute("form", InvoiceForm.of(invoice));
		return VIEW_EDIT;
	}

	@PostMapping("/invoices/{id}")
	Object save(ActingUser me, @PathVariable long id, @ModelAttribute("form") InvoiceForm form,
			@RequestParam(required = false) String overwrite, HttpServletRequest request, RedirectAttributes redirect) {
		boolean overwriting = parseFlag(overwrite);
		long expectedVersion = form.expectedVersion();
		InvoiceForm.Validated validated = form.validate();
		if (validated.changes().isEmpty()) {
			if (JsonRequests.wantsJson(request)) {
				throw new ValidationException(validated.errors());
			}
			return editPage(invoices.get(me, id), form, HttpStatus.UNPROCESSABLE_CONTENT).addObject("errors",
					validated.errors());
		}
		try {
			Invoice saved = invoices.update(me, id, validated.changes().get(), expectedVersion, overwriting);
			Toast.success(redirect, saved.number() + " saved.");
			return ActionAnswers.done(request, "/invoices", saved);
		}
		catch (InvoiceConflictException conflict) {
			if (JsonRequests.wantsJson(request)) {
				throw conflict;
			}
			// Keep the user's values in the form (and their stale version, so a plain
			// resubmit cannot silently clobber); show the server's row beside them.
			return editPage(conflict.currentInvoice(), form, HttpStatus.CONFLICT)
				.addObject("conflict", conflict.currentInvoice())
				.addObject("conflictMessage", conflict.getMessage())
				.addObject("diff", ConflictDiff.of(form, conflict.currentInvoice(), invoices.lastChange(me, id)));
		}
	}

	private static ModelAndView editPage(Invoice invoice, InvoiceForm form, HttpStatus status) {
		ModelAndView mav = new ModelAndView(VIEW_EDIT);
		mav.setStatus(status);
		mav.addObject("invoice", invoice);
		mav.addObject("form", form);
		return mav;
	}

	static boolean parseFlag(String value) {
		if (value == null || value.isEmpty() || value.equals("false")) {
			return false;
		}
		if (value.equals("true")) {
			return true;
		}
		throw new BadRequestException("overwrite must be true or false.");
	}

}
