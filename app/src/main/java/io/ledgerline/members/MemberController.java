package io.ledgerline.members;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.tenancy.Role;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.Toast;
import io.ledgerline.web.ValidationException;

/**
 * The Members page of the active org and its two actions, for the org's admins (a member
 * gets 403, checked by the service on every route). Each action commits, invalidates,
 * then answers 303 back to the page, or to the invoices when the admins changed their own
 * seat (the page is no longer theirs to see).
 */
@Controller
class MemberController {

	static final String VIEW = "members/list";

	private static final String PAGE_PATH = "/members";

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private final MemberReads reads;

	private final MemberService members;

	MemberController(MemberReads reads, MemberService members) {
		this.reads = reads;
		this.members = members;
	}

	@GetMapping(PAGE_PATH)
	ModelAndView list(ActingUser me) {
		return page(me, null, HttpStatus.OK);
	}

	@GetMapping(path = PAGE_PATH, produces = JSON)
	@ResponseBody
	ApiResponse listJson(ActingUser me) {
		List<MemberJson> list = reads.list(me).value().members().stream().map(MemberJson::of).toList();
		return ApiResponse.ok(Map.of("orgId", me.orgId(), "members", list));
	}

	@PostMapping(PAGE_PATH + "/{userId}/role")
	String changeRole(ActingUser me, @PathVariable long userId, @RequestParam(required = false) String role,
			RedirectAttributes redirect) {
		MemberChange change = members.changeRole(me, userId, parseRole(role));
		String email = change.member().email();
		String label = change.member().role().dbValue();
		if (change.changed()) {
			Toast.success(redirect, email + " is now " + article(label) + " " + label + ".");
		}
		else {
			Toast.info(redirect, email + " is already " + article(label) + " " + label + ".");
		}
		return redirectAfter(me, userId, change);
	}

	@PostMapping(path = PAGE_PATH + "/{userId}/role", produces = JSON)
	@ResponseBody
	ApiResponse changeRoleJson(ActingUser me, @PathVariable long userId, @RequestParam(required = false) String role) {
		MemberChange change = members.changeRole(me, userId, parseRole(role));
		return ApiResponse.ok(Map.of("member", MemberJson.of(change.member()), "changed", change.changed()));
	}

	@PostMapping(PAGE_PATH + "/{userId}/remove")
	String remove(ActingUser me, @PathVariable long userId, RedirectAttributes redirect) {
		MemberChange change = members.remove(me, userId);
		Toast.success(redirect, change.member().email() + " was removed from " + me.active().orgName() + ".");
		return redirectAfter(me, userId, change);
	}

	@PostMapping(path = PAGE_PATH + "/{userId}/remove", produces = JSON)
	@ResponseBody
	ApiResponse removeJson(ActingUser me, @PathVariable long userId) {
		MemberChange change = members.remove(me, userId);
		return ApiResponse.ok(Map.of("member", MemberJson.of(change.member()), "removed", true));
	}

	/**
	 * The last admin kept: the page again (422) saying why. A JSON request gets the
	 * validation envelope from the global handler.
	 */
	@ExceptionHandler(exception = LastAdminException.class, produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView lastAdmin(LastAdminException refused, ActingUser me) {
		return page(me, refused.reason(), HttpStatus.UNPROCESSABLE_CONTENT);
	}

	private ModelAndView page(ActingUser me, String error, HttpStatus status) {
		ModelAndView page = new ModelAndView(VIEW);
		page.setStatus(status);
		page.addObject("members", reads.list(me).value().members());
		page.addObject("roles", Role.values());
		page.addObject("error", error);
		return page;
	}

	private static String redirectAfter(ActingUser me, long userId, MemberChange change) {
		boolean ownSeat = userId == me.userId() && change.changed();
		return "redirect:" + (ownSeat ? "/invoices" : PAGE_PATH);
	}

	private static Role parseRole(String role) {
		return Optional.ofNullable(role)
			.filter(r -> r.equals("member") || r.equals("admin"))
			.map(Role::fromDb)
			.orElseThrow(() -> new ValidationException(Map.of("role", "Role must be member or admin.")));
	}

	private static String article(String role) {
		return role.toLowerCase(Locale.ROOT).startsWith("a") ? "an" : "a";
	}

	/** A member as the JSON side shows it. */
	record MemberJson(long userId, String email, String displayName, String role) {

		static MemberJson of(Member member) {
			return new MemberJson(member.userId(), member.email(), member.displayName(), member.role().dbValue());
		}

	}

}
