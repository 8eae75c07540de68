package io.ledgerline.invoices;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ActionAnswers;
import io.ledgerline.web.JsonRequests;
import io.ledgerline.web.Toast;

/** Archive, restore and (admin-only, soft) delete from the list. */
@Controller
class InvoiceLifecycleController {

	private final InvoiceService invoices;

	InvoiceLifecycleController(InvoiceService invoices) {
		this.invoices = invoices;
	}

	@PostMapping("/invoices/{id}/archive")
	Object archive(ActingUser me, @PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String view, HttpServletRequest request, RedirectAttributes redirect) {
		return run(LifecycleAction.ARCHIVE, me, id, version, view, request, redirect);
	}

	@PostMapping("/invoices/{id}/restore")
	Object restore(ActingUser me, @PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String view, HttpServletRequest request, RedirectAttributes redirect) {
		return run(LifecycleAction.RESTORE, me, id, version, view, request, redirect);
	}

	@PostMapping("/invoices/{id}/delete")
	Object delete(ActingUser me, @PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String view, HttpServletRequest request, RedirectAttributes redirect) {
		return run(LifecycleAction.DELETE, me, id, version, view, request, redirect);
	}

	private Object run(LifecycleAction action, ActingUser me, long id, String version, String view,
			HttpServletRequest request, RedirectAttributes redirect) {
		long expectedVersion = ExpectedVersion.parse(version);
		String back = "/invoices?view=" + viewValue(view);
		try {
			Invoice result = switch (action) {
				case ARCHIVE -> invoices.archive(me, id, expectedVersion);
				case RESTORE -> invoices.restore(me, id, expectedVersion);
				case DELETE -> invoices.delete(me, id, expectedVersion);
			};
			String done = result.number() + " " + action.pastTense() + ".";
			if (action == LifecycleAction.ARCHIVE) {
				// Restore is one click away: offer it where the user is looking.
				Toast.successWithUndo(redirect, done,
						new Toast.Undo("/invoices/" + result.id() + "/restore", result.version(), viewValue(view)));
			}
			else {
				Toast.success(redirect, done);
			}
			return ActionAnswers.done(request, back, result);
		}
		catch (InvoiceConflictException conflict) {
			if (JsonRequests.wantsJson(request)) {
				throw conflict;
			}
			// Without JavaScript: back to the list (fresh versions) with the toast.
			Toast.error(redirect, conflict.getMessage());
			return new ModelAndView("redirect:" + back);
		}
	}

	private static String viewValue(String view) {
		return InvoiceView.parse(view).value();
	}

}
