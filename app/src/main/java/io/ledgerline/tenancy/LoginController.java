package io.ledgerline.tenancy;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.BadRequestException;

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
	 * Only the refusal of a username that names no account reaches here (the sign-in
	 * filter takes every usable one): the sign-in page again, saying why.
	 */
	@PostMapping("/login")
	ModelAndView unusableUsername(@RequestParam(required = false) String username) {
		ModelAndView page = new ModelAndView(VIEW, HttpStatus.BAD_REQUEST);
		page.addObject("usernameRefused", refusal(username));
		return page;
	}

	/**
	 * The same refusal for a client that asked for JSON: a 400 {@code bad_request} (a
	 * usable username is signed in, or refused, by the sign-in filter before this).
	 */
	@PostMapping(path = "/login", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ApiResponse unusableUsernameJson(@RequestParam(required = false) String username) {
		throw new BadRequestException(refusal(username));
	}

	private static String refusal(String username) {
		return Username.refusal(username).orElse(UNUSABLE);
	}

}
