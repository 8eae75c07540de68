package io.ledgerline.invoices;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.tagcache.Cached;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.BadRequestException;
import io.ledgerline.web.ErrorPage;
import io.ledgerline.web.FormOrg;
import io.ledgerline.web.NotFoundException;
import io.ledgerline.web.OrgMismatchException;
import io.ledgerline.web.Toast;

/** Detail page, edit form and its submit. */
@Controller
class InvoiceController {

	static final String VIEW_EDIT = "invoices/edit";

	private final InvoiceService invoices;

	private final InvoiceReads reads;

	private final InvoicePages pages;

	InvoiceController(InvoiceService invoices, InvoiceReads reads, InvoicePages pages) {
		this.invoices = invoices;
		this.reads = reads;
		this.pages = pages;
	}

	@ModelAttribute("statuses")
	InvoiceStatus[] statuses() {
		return InvoiceStatus.values();
	}

	@GetMapping(path = "/invoices/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ApiResponse detailJson(ActingUser me, @PathVariable long id) {
		return ApiResponse.ok(reads.record(me, id).value());
	}

	@GetMapping("/invoices/{id}")
	View detail(ActingUser me, @PathVariable long id) {
		Cached<InvoiceDetail> detail = reads.record(me, id);
		return pages.detail(me, detail, reads.list(me, InvoiceView.ACTIVE, null), reads.summary(me.orgId()));
	}

	@GetMapping("/invoices/{id}/edit")
	String edit(ActingUser me, @PathVariable long id, Model model) {
		Invoice invoice = reads.forEdit(me, id);
		model.addAttribute("invoice", invoice);
		model.addAttribute("form", InvoiceForm.of(invoice));
		return VIEW_EDIT;
	}

	/**
	 * The save asked for as JSON: invalid values (422) and a conflict (409, with the
	 * server's row) are answered by the error handler.
	 */
	@PostMapping(path = "/invoices/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ApiResponse saveJson(ActingUser me, @PathVariable long id, @ModelAttribute("form") InvoiceForm form,
			@RequestParam(required = false) String overwrite) {
		boolean overwriting = parseFlag(overwrite);
		long expectedVersion = form.expectedVersion();
		InvoiceChanges changes = form.validate().orElseThrow();
		return ApiResponse.ok(invoices.update(me, id, changes, expectedVersion, overwriting));
	}

	@PostMapping("/invoices/{id}")
	ModelAndView save(ActingUser me, @PathVariable long id, @ModelAttribute("form") InvoiceForm form,
			@RequestParam(required = false) String overwrite, RedirectAttributes redirect) {
		boolean overwriting = parseFlag(overwrite);
		long expectedVersion = form.expectedVersion();
		InvoiceForm.Validated validated = form.validate();
		if (validated.changes().isEmpty()) {
			return editPage(reads.get(me, id), form, HttpStatus.UNPROCESSABLE_CONTENT).addObject("errors",
					validated.errors());
		}
		try {
			Invoice saved = invoices.update(me, id, validated.changes().get(), expectedVersion, overwriting);
			Toast.success(redirect, saved.number() + " saved.");
			return new ModelAndView("redirect:/invoices");
		}
		catch (InvoiceConflictException conflict) {
			// Keep the user's values in the form (and their stale version, so a plain
			// resubmit cannot silently clobber); show the server's row beside them.
			return editPage(conflict.currentInvoice(), form, HttpStatus.CONFLICT)
				.addObject("conflict", conflict.currentInvoice())
				.addObject("conflictMessage", conflict.getMessage())
				.addObject("diff", ConflictDiff.of(form, conflict.currentInvoice(), reads.lastChange(me, id)));
		}
	}

	/**
	 * The edit form was opened in another org than the active one: the form again (409)
	 * with the user's values and the org it was opened in, beside the message naming both
	 * orgs, so switching back and saving again keeps what they typed. The invoice is read
	 * in the form's org, where the user is a member. A JSON request gets the error
	 * envelope from the global handler.
	 */
	@ExceptionHandler(exception = OrgMismatchException.class, produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView orgMismatch(OrgMismatchException refused, ActingUser me, HttpServletRequest request) {
		String formOrg = request.getParameter(FormOrg.FIELD);
		ActingUser inFormOrg = me.inOrg(formOrg).orElse(null);
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String id = variables instanceof Map<?, ?> map ? String.valueOf(map.get("id")) : "";
		if (inFormOrg == null || !id.matches("\\d{1,18}")) {
			return ErrorPage.of(HttpStatus.CONFLICT, refused.getMessage());
		}
		Invoice invoice;
		try {
			invoice = reads.get(inFormOrg, Long.parseLong(id));
		}
		catch (NotFoundException gone) {
			return ErrorPage.of(HttpStatus.CONFLICT, refused.getMessage());
		}
		InvoiceForm form = new InvoiceForm(request.getParameter("customerName"), request.getParameter("status"),
				request.getParameter("total"), request.getParameter("version"));
		return editPage(invoice, form, HttpStatus.CONFLICT).addObject("formOrg", formOrg)
			.addObject("orgMismatch", refused.getMessage())
			.addObject("statuses", InvoiceStatus.values());
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
