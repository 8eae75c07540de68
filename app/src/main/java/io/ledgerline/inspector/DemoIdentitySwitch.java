package io.ledgerline.inspector;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.audit.AuditLog;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.tenancy.Role;
import io.ledgerline.tenancy.Username;
import io.ledgerline.web.BadRequestException;
import io.ledgerline.web.ForbiddenException;

/**
 * "Act as" for the demo users only: re-authenticates the current session as another
 * seeded demo user, as a sign-in would, so every following request (role, active org,
 * what the header says) is that user's. Nobody else can be impersonated, whatever is
 * posted.
 *
 * <p>
 * It must grant nothing the acting user could not do anyway, so only an admin may switch,
 * and only to a user all of whose orgs that admin administers (dana may become priya, not
 * olga, who is also Globex's admin). Every switch is audited in each of those orgs.
 */
@Component
@Profile("demo")
class DemoIdentitySwitch {

	/** The demo users of the contract, in the order the switcher lists them. */
	static final List<String> DEMO_USERS = List.of("dana@acme.test", "priya@acme.test", "olga@multi.test",
			"hank@globex.test");

	private final UserDetailsService users;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	// Spring Security 6+ does not save a changed context by itself: store it where the
	// security filters load it from on the next request.
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SessionAuthenticationStrategy signInSession;

	DemoIdentitySwitch(UserDetailsService users, JdbcClient jdbc, AuditLog audit, TransactionTemplate transaction,
			SessionAuthenticationStrategy signInSession) {
		this.users = users;
		this.signInSession = signInSession;
		this.jdbc = jdbc;
		this.audit = audit;
		this.transaction = transaction;
	}

	/**
	 * @return the email now signed in
	 */
	String actAs(ActingUser me, String username, HttpServletRequest request, HttpServletResponse response) {
		// The sign-in form's normal form; text that names no account is a 400 saying why.
		String email = new Username(username).value();
		if (!DEMO_USERS.contains(email)) {
			throw new BadRequestException(
					"username must be one of the demo users: " + String.join(", ", DEMO_USERS) + ".");
		}
		Set<String> administered = me.memberships()
			.stream()
			.filter(m -> m.role().isAtLeast(Role.ADMIN))
			.map(m -> m.orgId())
			.collect(Collectors.toSet());
		if (administered.isEmpty()) {
			throw new ForbiddenException("Only admins can act as another user.");
		}
		List<String> targetOrgs = orgsOf(email);
		if (targetOrgs.isEmpty() || !administered.containsAll(targetOrgs)) {
			throw new ForbiddenException("You can only act as users of the organisations you administer.");
		}
		UserDetails user = users.loadUserByUsername(email);
		if (!user.isEnabled()) {
			throw new ForbiddenException(email + " is disabled.");
		}
		transaction.executeWithoutResult(status -> targetOrgs.forEach(org -> audit.record(org, me.userId(),
				"identity.switch", "user", email, me.email() + " now acts as " + email)));
		Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		// A switch of identity is a sign-in: a new session id (session fixation) and
		// a new CSRF token, so nothing handed out to the old identity works for the
		// new one.
		request.getSession();
		signInSession.onAuthentication(signedIn, request, response);
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(signedIn);
		holder.setContext(context);
		contexts.saveContext(context, request, response);
		return user.getUsername();
	}

	private List<String> orgsOf(String email) {
		return jdbc.sql("""
				SELECT m.org_id FROM memberships m JOIN users u ON u.id = m.user_id
				WHERE u.email = ? ORDER BY m.org_id""").param(email).query(String.class).list();
	}

}
