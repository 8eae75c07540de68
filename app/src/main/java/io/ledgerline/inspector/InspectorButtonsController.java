package io.ledgerline.inspector;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.invoices.InvoiceConflictException;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.ConflictException;
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

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private final InspectorService inspector;

	InspectorButtonsController(InspectorService inspector) {
		this.inspector = inspector;
	}

	@PostMapping("/edit-one")
	String editOne(ActingUser me, RedirectAttributes redirect) {
		return page(redirect, "/invoices", () -> inspector.editNewest(me));
	}

	@PostMapping(path = "/edit-one", produces = JSON)
	@ResponseBody
	ApiResponse editOneJson(ActingUser me) {
		return json(inspector.editNewest(me));
	}

	@PostMapping("/archive-one")
	String archiveOne(ActingUser me, RedirectAttributes redirect) {
		return page(redirect, INSPECTOR, () -> inspector.archiveNewest(me));
	}

	@PostMapping(path = "/archive-one", produces = JSON)
	@ResponseBody
	ApiResponse archiveOneJson(ActingUser me) {
		return json(inspector.archiveNewest(me));
	}

	@PostMapping("/restore-one")
	String restoreOne(ActingUser me, RedirectAttributes redirect) {
		return page(redirect, INSPECTOR, () -> inspector.restoreMostRecentlyArchived(me));
	}

	@PostMapping(path = "/restore-one", produces = JSON)
	@ResponseBody
	ApiResponse restoreOneJson(ActingUser me) {
		return json(inspector.restoreMostRecentlyArchived(me));
	}

	@PostMapping("/delete-one")
	String deleteOne(ActingUser me, RedirectAttributes redirect) {
		return page(redirect, INSPECTOR, () -> inspector.deleteNewest(me));
	}

	@PostMapping(path = "/delete-one", produces = JSON)
	@ResponseBody
	ApiResponse deleteOneJson(ActingUser me) {
		return json(inspector.deleteNewest(me));
	}

	@PostMapping("/run-summary")
	String runSummary(ActingUser me, RedirectAttributes redirect) {
		return page(redirect, INSPECTOR, () -> inspector.runSummary(me));
	}

	@PostMapping(path = "/run-summary", produces = JSON)
	@ResponseBody
	ApiResponse runSummaryJson(ActingUser me) {
		return json(inspector.runSummary(me));
	}

	@PostMapping("/force-drift")
	String forceDrift(ActingUser me, @RequestParam long id, RedirectAttributes redirect) {
		return page(redirect, INSPECTOR, () -> inspector.forceDrift(me, id));
	}

	@PostMapping(path = "/force-drift", produces = JSON)
	@ResponseBody
	ApiResponse forceDriftJson(ActingUser me, @RequestParam long id) {
		return json(inspector.forceDrift(me, id));
	}

	/** Per org: only the acting user's org's next comment post fails. */
	@PostMapping("/fail-next-comment")
	String failNextComment(ActingUser me, RedirectAttributes redirect) {
		return page(redirect, INSPECTOR, () -> inspector.failNextComment(me));
	}

	@PostMapping(path = "/fail-next-comment", produces = JSON)
	@ResponseBody
	ApiResponse failNextCommentJson(ActingUser me) {
		return json(inspector.failNextComment(me));
	}

	/**
	 * A page caller goes where the effect shows; a refusal (nothing to act on, a
	 * conflict) comes back to the inspector with the reason.
	 */
	private static String page(RedirectAttributes redirect, String whereItShows, Supplier<ButtonOutcome> button) {
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

	/**
	 * A JSON caller gets the envelope: the outcome's message as data, or a refusal as a
	 * conflict (the JSON shape of "nothing to act on"; a changed row is the invoice
	 * conflict itself, with the row).
	 */
	private static ApiResponse json(ButtonOutcome outcome) {
		if (!outcome.done()) {
			throw new ConflictException(outcome.message(), null);
		}
		return ApiResponse.ok(Map.of("message", outcome.message()));
	}

}
