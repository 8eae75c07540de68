package io.ledgerline.inspector;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import io.ledgerline.web.BadRequestException;
import io.ledgerline.web.ForbiddenException;

/**
 * "Act as" for the demo users only: re-authenticates the current session as another
 * seeded demo user, as a sign-in would, so every following request (role, active org,
 * what the header says) is that user's. Nobody else can be impersonated, whatever is
 * posted.
 */
@Component
@Profile("demo")
class DemoIdentitySwitch {

	/** The demo users of the contract, in the order the switcher lists them. */
	static final List<String> DEMO_USERS = List.of("dana@acme.test", "priya@acme.test", "olga@multi.test",
			"hank@globex.test");

	private final UserDetailsService users;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	// Spring Security 6+ does not save a changed context by itself: store it where the
	// security filters load it from on the next request.
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	DemoIdentitySwitch(UserDetailsService users) {
		this.users = users;
	}

	/**
	 * @return the email now signed in
	 */
	String actAs(String username, HttpServletRequest request, HttpServletResponse response) {
		String email = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		if (!DEMO_USERS.contains(email)) {
			throw new BadRequestException(
					"username must be one of the demo users: " + String.join(", ", DEMO_USERS) + ".");
		}
		UserDetails user = users.loadUserByUsername(email);
		if (!user.isEnabled()) {
			throw new ForbiddenException(email + " is disabled.");
		}
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		holder.setContext(context);
		contexts.saveContext(context, request, response);
		// A new identity gets a new session id, as after a sign-in (session fixation).
		request.getSession();
		request.changeSessionId();
		return user.getUsername();
	}

}
