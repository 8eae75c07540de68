package io.ledgerline.inspector;

import java.util.function.Supplier;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.invoices.InvoiceConflictException;
import io.ledgerline.tenancy.ActingUser;
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
	String editOne(ActingUser me, RedirectAttributes redirect) {
		return run(redirect, "/invoices", () -> inspector.editNewest(me));
	}

	@PostMapping("/archive-one")
	String archiveOne(ActingUser me, RedirectAttributes redirect) {
		return run(redirect, INSPECTOR, () -> inspector.archiveNewest(me));
	}

	@PostMapping("/restore-one")
	String restoreOne(ActingUser me, RedirectAttributes redirect) {
		return run(redirect, INSPECTOR, () -> inspector.restoreMostRecentlyArchived(me));
	}

	@PostMapping("/delete-one")
	String deleteOne(ActingUser me, RedirectAttributes redirect) {
		return run(redirect, INSPECTOR, () -> inspector.deleteNewest(me));
	}

	@PostMapping("/run-summary")
	String runSummary(ActingUser me, RedirectAttributes redirect) {
		return run(redirect, INSPECTOR, () -> inspector.runSummary(me));
	}

	@PostMapping("/force-drift")
	String forceDrift(ActingUser me, @RequestParam long id, RedirectAttributes redirect) {
		return run(redirect, INSPECTOR, () -> inspector.forceDrift(me, id));
	}

	private static String run(RedirectAttributes redirect, String whereItShows, Supplier<ButtonOutcome> button) {
		ButtonOutcome outcome;
		try {
			outcome = button.get();
		}
		catch (InvoiceConflictException conflict) {
			outcome = ButtonOutcome.refused(conflict.getMessage());
		}
		if (outcome.done()) {
			Toast.success(redirect, outcome.message());
			return "redirect:" + whereItShows;
		}
		Toast.error(redirect, outcome.message());
		return "redirect:" + INSPECTOR;
	}

}
