package io.ledgerline.invoices.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
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
import io.ledgerline.web.ValidationException;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceConflictException;
import io.ledgerline.invoices.InvoiceDetail;
import io.ledgerline.invoices.InvoiceEdit;
import io.ledgerline.invoices.InvoiceFields;
import io.ledgerline.invoices.InvoiceReads;
import io.ledgerline.invoices.InvoiceStatus;
import io.ledgerline.invoices.InvoiceView;
import io.ledgerline.invoices.StatusMoves;
import io.ledgerline.invoices.write.InvoiceEditing;

/** Detail page, edit form and its submit (docs/INVOICES.md, "Editing an invoice"). */
@Controller
class InvoiceController {

	static final String VIEW_EDIT = "invoices/edit";

	private final InvoiceEditing editing;

	private final InvoiceReads reads;

	private final InvoicePages pages;

	private final Clock clock;

	InvoiceController(InvoiceEditing editing, InvoiceReads reads, InvoicePages pages, Clock clock) {
		this.editing = editing;
		this.reads = reads;
		this.pages = pages;
		this.clock = clock;
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
	ModelAndView edit(ActingUser me, @PathVariable long id) {
		InvoiceDetail invoice = reads.forEdit(me, id);
		return editPage(me, invoice.invoice(), InvoiceForm.of(invoice.invoice(), invoice.lines()), HttpStatus.OK);
	}

	/**
	 * The save asked for as JSON: invalid values and refused status moves (422) and a
	 * conflict (409, with the server's row) are answered by the error handler.
	 */
	@PostMapping(path = "/invoices/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ApiResponse saveJson(ActingUser me, @PathVariable long id, HttpServletRequest request,
			@RequestParam(required = false) String overwrite) {
		boolean overwriting = parseFlag(overwrite);
		InvoiceForm form = InvoiceForm.from(request);
		long expectedVersion = form.expectedVersion();
		InvoiceEdit edit = form.validate().orElseThrow();
		return ApiResponse.ok(editing.update(me, id, edit, expectedVersion, overwriting));
	}

	/**
	 * The edit form's submit. Without JavaScript, "Add a line" and a line's "Remove" are
	 * submit buttons too: they answer with the form again, every value kept, and write
	 * nothing.
	 */
	@PostMapping("/invoices/{id}")
	ModelAndView save(ActingUser me, @PathVariable long id, HttpServletRequest request,
			@RequestParam(required = false) String overwrite, RedirectAttributes redirect) {
		boolean overwriting = parseFlag(overwrite);
		InvoiceForm form = InvoiceForm.from(request);
		long expectedVersion = form.expectedVersion();
		if (request.getParameter("addLine") != null) {
			return editPage(me, reads.forEdit(me, id).invoice(), form.withLineAdded(), HttpStatus.OK);
		}
		String removeLine = request.getParameter("removeLine");
		if (removeLine != null) {
			return editPage(me, reads.forEdit(me, id).invoice(),
					form.withLineRemoved(NewInvoiceController.lineIndex(removeLine)), HttpStatus.OK);
		}
		InvoiceForm.Validated validated = form.validate();
		if (validated.edit().isEmpty()) {
			return invalid(me, id, form, validated.errors());
		}
		try {
			Invoice saved = editing.update(me, id, validated.edit().get(), expectedVersion, overwriting);
			Toast.success(redirect, saved.number() + " saved.");
			return new ModelAndView("redirect:/invoices");
		}
		catch (ValidationException refused) {
			return invalid(me, id, form, refused.fieldErrors());
		}
		catch (InvoiceConflictException conflict) {
			// Keep the user's values in the form (and their stale version, so a plain
			// resubmit cannot silently clobber); show the server's row beside them.
			InvoiceDetail saved = reads.current(me, conflict.currentInvoice());
			return editPage(me, saved.invoice(), form, HttpStatus.CONFLICT).addObject("conflict", saved.invoice())
				.addObject("conflictMessage", conflict.getMessage())
				.addObject("diff", ConflictDiff.of(form, saved, reads.lastChange(me, id)))
				// Rendered for this request only: "saved 2 min ago" reads right without
				// JavaScript.
				.addObject("now", clock.instant());
		}
	}

	private ModelAndView invalid(ActingUser me, long id, InvoiceForm form, Map<String, String> errors) {
		return editPage(me, reads.uncached(me, id), form, HttpStatus.UNPROCESSABLE_CONTENT).addObject("errors", errors);
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
		InvoiceForm form;
		try {
			invoice = reads.uncached(inFormOrg, Long.parseLong(id));
			form = InvoiceForm.from(request);
		}
		catch (NotFoundException | BadRequestException unusable) {
			return ErrorPage.of(HttpStatus.CONFLICT, refused.getMessage());
		}
		return editPage(inFormOrg, invoice, form, HttpStatus.CONFLICT).addObject("formOrg", formOrg)
			.addObject("orgMismatch", refused.getMessage());
	}

	private static ModelAndView editPage(ActingUser me, Invoice invoice, InvoiceForm form, HttpStatus status) {
		ModelAndView mav = new ModelAndView(VIEW_EDIT);
		mav.setStatus(status);
		mav.addObject("invoice", invoice);
		mav.addObject("form", form);
		mav.addObject("statuses", InvoiceStatus.values());
		mav.addObject("allowedStatuses",
				Arrays.stream(InvoiceStatus.values()).filter(next -> StatusMoves.allowed(me, invoice, next)).toList());
		mav.addObject("maxLines", InvoiceFields.MAX_LINES);
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
