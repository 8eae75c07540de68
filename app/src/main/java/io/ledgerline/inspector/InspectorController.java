package io.ledgerline.inspector;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.Toast;

/**
 * The inspector page and the controls over the inspector itself: misuse toggle, identity.
 */
@Controller
@Profile("demo")
@RequestMapping("/inspector")
class InspectorController {

	static final String VIEW = "inspector/inspector";

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private final InspectorService inspector;

	private final DemoIdentitySwitch identities;

	InspectorController(InspectorService inspector, DemoIdentitySwitch identities) {
		this.inspector = inspector;
		this.identities = identities;
	}

	@GetMapping
	String page(ActingUser me, Model model) {
		return render(me, model);
	}

	/**
	 * Shows a rule, not a failure: the page answers 200 with the cache's refusal on it.
	 */
	@GetMapping("/force-update-tag")
	String forceUpdateTag(ActingUser me, Model model) {
		model.addAttribute("forceUpdateTagError", inspector.updateTagOutsideAction(me));
		return render(me, model);
	}

	@PostMapping("/misuse")
	String toggleMisuse(ActingUser me, RedirectAttributes redirect) {
		Toast.success(redirect, inspector.toggleMisuse(me).message());
		return "redirect:/inspector";
	}

	@PostMapping(path = "/misuse", produces = JSON)
	@ResponseBody
	ApiResponse toggleMisuseJson(ActingUser me) {
		return ApiResponse.ok(Map.of("message", inspector.toggleMisuse(me).message()));
	}

	@PostMapping("/identity")
	String actAs(ActingUser me, @RequestParam(required = false) String username, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		String email = identities.actAs(me, username, request, response);
		Toast.success(redirect, "You are now signed in as " + email + ".");
		return "redirect:/inspector";
	}

	@PostMapping(path = "/identity", produces = JSON)
	@ResponseBody
	ApiResponse actAsJson(ActingUser me, @RequestParam(required = false) String username, HttpServletRequest request,
			HttpServletResponse response) {
		return ApiResponse.ok(Map.of("username", identities.actAs(me, username, request, response)));
	}

	private String render(ActingUser me, Model model) {
		InspectorPage page = inspector.page(me);
		model.addAttribute("inspector", page);
		model.addAttribute("fetched", page.fetched());
		return VIEW;
	}

}
