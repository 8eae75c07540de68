package io.ledgerline.invoices.web;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.BadRequestException;
import io.ledgerline.web.OrgMismatchException;
import io.ledgerline.web.Toast;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceConflictException;
import io.ledgerline.invoices.InvoiceReads;
import io.ledgerline.invoices.InvoiceView;
import io.ledgerline.invoices.LifecycleAction;
import io.ledgerline.invoices.write.InvoiceLifecycleChanges;

/**
 * Archive, restore and (admin-only, soft) delete from the list, each as a page action
 * (303 back to the list) and as JSON (the row, or the error envelope; a conflict is 409
 * with the server's row). The list's Delete button asks first: it posts
 * {@code confirm=ask}, which answers the confirmation page and writes nothing (what a
 * click without JavaScript lands on; with JavaScript the list asks in a dialog). A post
 * without {@code confirm}, or with {@code confirm=yes}, deletes: the contract's
 * {@code POST /invoices/{id}/delete} with {@code version} stays one request for scripts.
 */
@Controller
class InvoiceLifecycleController {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	static final String VIEW_CONFIRM_DELETE = "invoices/delete";

	private final InvoiceLifecycleChanges changes;

	private final InvoiceReads reads;

	InvoiceLifecycleController(InvoiceLifecycleChanges changes, InvoiceReads reads) {
		this.changes = changes;
		this.reads = reads;
	}

	@PostMapping("/invoices/{id}/archive")
	String archive(ActingUser me, @PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String view, RedirectAttributes redirect) {
		return run(LifecycleAction.ARCHIVE, me, id, version, view, redirect);
	}

	@PostMapping("/invoices/{id}/restore")
	String restore(ActingUser me, @PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String view, RedirectAttributes redirect) {
		return run(LifecycleAction.RESTORE, me, id, version, view, redirect);
	}

	/** The confirmation page on its own (a link to a delete), for the current version. */
	@GetMapping("/invoices/{id}/delete")
	ModelAndView confirmDelete(ActingUser me, @PathVariable long id, @RequestParam(required = false) String view) {
		return confirmation(me, id, null, view);
	}

	@PostMapping("/invoices/{id}/delete")
	ModelAndView delete(ActingUser me, @PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String view, @RequestParam(required = false) String confirm,
			RedirectAttributes redirect) {
		long expectedVersion = ExpectedVersion.parse(version);
		if (asksFirst(confirm)) {
			// The version the user saw, so confirming a row that changed since is a
			// conflict.
			return confirmation(me, id, expectedVersion, view);
		}
		return new ModelAndView(run(LifecycleAction.DELETE, me, id, version, view, redirect));
	}

	@PostMapping(path = "/invoices/{id}/archive", produces = JSON)
	@ResponseBody
	ApiResponse archiveJson(ActingUser me, @PathVariable long id, @RequestParam(required = false) String version) {
		return ApiResponse.ok(changes.apply(LifecycleAction.ARCHIVE, me, id, ExpectedVersion.parse(version)));
	}

	@PostMapping(path = "/invoices/{id}/restore", produces = JSON)
	@ResponseBody
	ApiResponse restoreJson(ActingUser me, @PathVariable long id, @RequestParam(required = false) String version) {
		return ApiResponse.ok(changes.apply(LifecycleAction.RESTORE, me, id, ExpectedVersion.parse(version)));
	}

	@PostMapping(path = "/invoices/{id}/delete", produces = JSON)
	@ResponseBody
	ApiResponse deleteJson(ActingUser me, @PathVariable long id, @RequestParam(required = false) String version) {
		return ApiResponse.ok(changes.apply(LifecycleAction.DELETE, me, id, ExpectedVersion.parse(version)));
	}

	/**
	 * The list was opened in another org than the active one: nothing changed; back to
	 * the list (of the active org) with the message naming both orgs. A JSON request gets
	 * the error envelope from the global handler.
	 */
	@ExceptionHandler(exception = OrgMismatchException.class, produces = MediaType.TEXT_HTML_VALUE)
	String orgMismatch(OrgMismatchException refused, HttpServletRequest request, RedirectAttributes redirect) {
		Toast.error(redirect, refused.getMessage());
		String view = request.getParameter("view");
		boolean known = Arrays.stream(InvoiceView.values()).anyMatch(v -> v.value().equals(view));
		return "redirect:/invoices?view=" + (known ? view : InvoiceView.ACTIVE.value());
	}

	private ModelAndView confirmation(ActingUser me, long id, Long version, String view) {
		me.requireAdmin(LifecycleAction.DELETE.verb() + " invoices");
		Invoice invoice = this.reads.forEdit(me, id).invoice();
		ModelAndView page = new ModelAndView(VIEW_CONFIRM_DELETE);
		page.addObject("invoice", invoice);
		page.addObject("version", version != null ? version : invoice.version());
		page.addObject("view", InvoiceView.parse(view).value());
		page.addObject("formOrg", me.orgId());
		return page;
	}

	/**
	 * {@code ask}: show the question; absent or {@code yes}: go; anything else (empty
	 * too) is a malformed request.
	 */
	static boolean asksFirst(String confirm) {
		if (confirm == null || confirm.equals("yes")) {
			return false;
		}
		if (confirm.equals("ask")) {
			return true;
		}
		throw new BadRequestException("confirm must be ask or yes.");
	}

	private String run(LifecycleAction action, ActingUser me, long id, String version, String view,
			RedirectAttributes redirect) {
		long expectedVersion = ExpectedVersion.parse(version);
		String back = "redirect:/invoices?view=" + InvoiceView.parse(view).value();
		try {
			Invoice result = changes.apply(action, me, id, expectedVersion);
			String done = result.number() + " " + action.pastTense() + ".";
			if (action == LifecycleAction.ARCHIVE) {
				// Restore is one click away: offer it where the user is looking.
				Toast.successWithUndo(redirect, done, new Toast.Undo("/invoices/" + result.id() + "/restore",
						result.version(), InvoiceView.parse(view).value()));
			}
			else {
				Toast.success(redirect, done);
			}
		}
		catch (InvoiceConflictException conflict) {
			// Without JavaScript: back to the list (fresh versions) with the toast.
			Toast.error(redirect, conflict.getMessage());
		}
		return back;
	}

}
