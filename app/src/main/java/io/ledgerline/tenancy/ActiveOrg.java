package io.ledgerline.tenancy;

import jakarta.servlet.http.HttpSession;

/**
 * The active org is part of the session; this is the one place that names the attribute.
 */
final class ActiveOrg {

	static final String SESSION_ATTRIBUTE = "ledgerline.activeOrgId";

	private ActiveOrg() {
	}

	static String get(HttpSession session) {
		return session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
	}

	static void set(HttpSession session, String orgId) {
		session.setAttribute(SESSION_ATTRIBUTE, orgId);
	}

}
