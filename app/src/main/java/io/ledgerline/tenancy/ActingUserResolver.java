package io.ledgerline.tenancy;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.ledgerline.web.ForbiddenException;

/**
 * Resolves the {@link ActingUser} of the current request: login identity from Spring
 * Security, active org from the session, seats and roles from the cached read that every
 * membership change expires ({@link UserSeats}), once per request.
 */
@Component
public class ActingUserResolver {

	/**
	 * Where the resolved user is kept for the rest of the request; templates rendered per
	 * request read it as {@code ${me}} (a request attribute, not a model attribute: a
	 * model attribute costs every handler a data binder, prerendered pages included).
	 */
	static final String REQUEST_ATTRIBUTE = "me";

	private final UserSeats seats;

	ActingUserResolver(UserSeats seats) {
		this.seats = seats;
	}

	/** The acting user, or empty when the request is not authenticated. */
	public Optional<ActingUser> current(HttpServletRequest request) {
		Object cached = request.getAttribute(REQUEST_ATTRIBUTE);
		if (cached instanceof ActingUser user) {
			return Optional.of(user);
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		Optional<ActingUser> user = seats.find(auth.getName()).map(u -> resolve(u, request));
		user.ifPresent(u -> request.setAttribute(REQUEST_ATTRIBUTE, u));
		return user;
	}

	public ActingUser require(HttpServletRequest request) {
		return current(request).orElseThrow(() -> new ForbiddenException("Sign in to continue."));
	}

	private ActingUser resolve(TenancyRepository.UserMemberships account, HttpServletRequest request) {
		List<Membership> memberships = account.memberships();
		if (memberships.isEmpty()) {
			throw new ForbiddenException("Your account is not a member of any organisation.");
		}
		String wanted = ActiveOrg.get(request.getSession(false));
		Membership active = memberships.stream().filter(m -> m.orgId().equals(wanted)).findFirst().orElseGet(() -> {
			// No choice yet, or the membership was revoked: fall back to the first org.
			Membership first = memberships.get(0);
			ActiveOrg.set(request.getSession(), first.orgId());
			return first;
		});
		return new ActingUser(account.id(), account.email(), account.displayName(), active, memberships);
	}

	/** Makes {@code orgId} the active org if the user belongs to it. */
	public void switchOrg(HttpServletRequest request, String orgId) {
		ActingUser user = require(request);
		boolean member = user.memberships().stream().anyMatch(m -> m.orgId().equals(orgId));
		if (!member) {
			throw new ForbiddenException("You are not a member of that organisation.");
		}
		ActiveOrg.set(request.getSession(), orgId);
		request.removeAttribute(REQUEST_ATTRIBUTE);
	}

}
