package io.ledgerline.tenancy;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import io.ledgerline.web.FormOrg;
import io.ledgerline.web.OrgMismatchException;

/**
 * Refuses a write whose form was opened in another org than the active one, once for
 * every handler and before any of them runs (so nothing is read or written for it). A
 * request without the {@link FormOrg#FIELD} field, or without a signed-in user, is left
 * to the handler as before.
 */
class FormOrgCheck implements HandlerInterceptor {

	private final ActingUserResolver users;

	FormOrgCheck(ActingUserResolver users) {
		this.users = users;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (isSafe(request.getMethod())) {
			return true;
		}
		Optional<String> formOrg = FormOrg.posted(request);
		if (formOrg.isEmpty()) {
			return true;
		}
		Optional<ActingUser> me = this.users.current(request);
		if (me.isEmpty() || me.get().orgId().equals(formOrg.get())) {
			return true;
		}
		// Only the name of an org the user belongs to is shown: a forged id names
		// nothing.
		String formOrgName = me.get()
			.memberships()
			.stream()
			.filter(m -> m.orgId().equals(formOrg.get()))
			.map(Membership::orgName)
			.findFirst()
			.orElse(null);
		throw new OrgMismatchException(formOrgName, me.get().active().orgName());
	}

	private static boolean isSafe(String method) {
		return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method);
	}

}
