package io.ledgerline.tenancy;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.ledgerline.web.BadRequestException;
import io.ledgerline.web.JsonRequests;

/**
 * The sign-in page. Spring Security's form sign-in takes every {@code POST /login} whose
 * username can name an account ({@link Username}); the others (a control character,
 * nothing typed) arrive here, before any password is checked or any failure counted, and
 * are a 400: the form again, saying why, or the JSON error.
 */
@Controller
class LoginController {

	static final String VIEW = "login";

	/** Text that does name an account never reaches here; said if it ever did. */
	private static final String UNUSABLE = "This email address cannot be used to sign in.";

	@GetMapping("/login")
	String login() {
		return VIEW;
	}

	/**
	 * One handler rather than the usual page and JSON pair: nothing succeeds here, so
	 * this is no JSON route (and no entry in the API document), only the refusal of one.
	 */
	@PostMapping("/login")
	ModelAndView unusableUsername(@RequestParam(required = false) String username, HttpServletRequest request) {
		String why = Username.refusal(username).orElse(UNUSABLE);
		if (JsonRequests.wantsJson(request)) {
			throw new BadRequestException(why);
		}
		ModelAndView page = new ModelAndView(VIEW, HttpStatus.BAD_REQUEST);
		page.addObject("usernameRefused", why);
		return page;
	}

}
