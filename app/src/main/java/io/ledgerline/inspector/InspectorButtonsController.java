package io.ledgerline.inspector;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.invoices.InvoiceConflictException;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ActionAnswers;
import io.ledgerline.web.ConflictException;
import io.ledgerline.web.JsonRequests;
import io.ledgerline.web.Toast;

/**
 * The buttons that drive the real invoice flows as the signed-in user. A flow that ran
 * sends the user where its effect shows; a refusal (nothing to act on, a conflict) comes
 * back to the inspector with the reason. Authorization failures are not caught: a
 * member's delete is 403 here exactly as on the list.
 */
@Controller
@Profile("demo")
@RequestMapping("/inspector")
class InspectorButtonsController {

	private static final String INSPECTOR = "/inspector";

	private final InspectorService inspector;

	InspectorButtonsController(InspectorService inspector) {
		this.inspector = inspector;
	}

	@PostMapping("/edit-one")
	Object editOne(ActingUser me, HttpServletRequest request, RedirectAttributes redirect) {
		return run(request, redirect, "/invoices", () -> inspector.editNewest(me));
	}

	@PostMapping("/archive-one")
	Object archiveOne(ActingUser me, HttpServletRequest request, RedirectAttributes redirect) {
		return run(request, redirect, INSPECTOR, () -> inspector.archiveNewest(me));
	}

	@PostMapping("/restore-one")
	Object restoreOne(ActingUser me, HttpServletRequest request, RedirectAttributes redirect) {
		return run(request, redirect, INSPECTOR, () -> inspector.restoreMostRecentlyArchived(me));
	}

	@PostMapping("/delete-one")
	Object deleteOne(ActingUser me, HttpServletRequest request, RedirectAttributes redirect) {
		return run(request, redirect, INSPECTOR, () -> inspector.deleteNewest(me));
	}

	@PostMapping("/force-drift")
	Object forceDrift(ActingUser me, @RequestParam long id, HttpServletRequest request, RedirectAttributes redirect) {
		return run(request, redirect, INSPECTOR, () -> inspector.forceDrift(me, id));
	}

	/**
	 * A JSON caller gets the envelope: the outcome's message as data, or a refusal as a
	 * conflict (the JSON shape of "nothing to act on" or "changed elsewhere").
	 */
	private static Object run(HttpServletRequest request, RedirectAttributes redirect, String whereItShows,
			Supplier<ButtonOutcome> button) {
		ButtonOutcome outcome;
		try {
			outcome = button.get();
		}
		catch (InvoiceConflictException conflict) {
			if (JsonRequests.wantsJson(request)) {
				throw conflict;
			}
			outcome = ButtonOutcome.refused(conflict.getMessage());
		}
		if (outcome.done()) {
			Toast.success(redirect, outcome.message());
			return ActionAnswers.done(request, whereItShows, Map.of("message", outcome.message()));
		}
		if (JsonRequests.wantsJson(request)) {
			throw new ConflictException(outcome.message(), null);
		}
		Toast.error(redirect, outcome.message());
		return "redirect:" + INSPECTOR;
	}

}
