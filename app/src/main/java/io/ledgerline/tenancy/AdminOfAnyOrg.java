package io.ledgerline.tenancy;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import io.ledgerline.web.ForbiddenException;

/**
 * Grants a request to a signed-in user who is an admin of at least one org, resolved on
 * every request like every other role check. For process-wide surfaces (actuator metrics:
 * routes, pool and session numbers) that no member needs.
 */
@Component
public class AdminOfAnyOrg implements AuthorizationManager<RequestAuthorizationContext> {

	private final ActingUserResolver users;

	AdminOfAnyOrg(ActingUserResolver users) {
		this.users = users;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		try {
			boolean admin = users.current(context.getRequest())
				.map(user -> user.memberships().stream().anyMatch(m -> m.role().isAtLeast(Role.ADMIN)))
				.orElse(false);
			return new AuthorizationDecision(admin);
		}
		catch (ForbiddenException noOrg) {
			return new AuthorizationDecision(false);
		}
	}

}
