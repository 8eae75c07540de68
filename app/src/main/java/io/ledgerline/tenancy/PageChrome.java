package io.ledgerline.tenancy;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.ledgerline.web.ForbiddenException;

/**
 * What the page frame (header, navigation) needs on every page, reachable from the layout
 * as {@code @pageChrome}. The controller advice fills the same facts into a controller's
 * model; error pages answered by exception handlers get no advice model, and without this
 * bean they would lose the header of a signed-in user.
 */
@Component("pageChrome")
public class PageChrome {

	private final ActingUserResolver users;

	private final boolean demo;

	private final Clock clock;

	PageChrome(ActingUserResolver users, Environment environment, Clock clock) {
		this.users = users;
		this.demo = environment.matchesProfiles("demo");
		this.clock = clock;
	}

	/**
	 * The server's now, so "fetched 3 s ago" is measured on the app's clock, not the
	 * browser's.
	 */
	public String now() {
		return clock.instant().toString();
	}

	/** The signed-in user of this request, or null. */
	public ActingUser user() {
		HttpServletRequest request = request();
		if (request == null) {
			return null;
		}
		try {
			return users.current(request).orElse(null);
		}
		catch (ForbiddenException | DataAccessException noHeader) {
			// No membership, or the database is the very error this page reports: the
			// page still renders, without the header.
			return null;
		}
	}

	/** The demo tools (inspector, cache panel) are shown in the demo profile only. */
	public boolean demo() {
		return demo;
	}

	/** Which top-level section the page belongs to, for the nav's current-page state. */
	public String section() {
		HttpServletRequest request = request();
		if (request == null) {
			return "";
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String section : new String[] { "invoices", "tickets", "inspector" }) {
			if (path.equals("/" + section) || path.startsWith("/" + section + "/")) {
				return section;
			}
		}
		return "";
	}

	private static HttpServletRequest request() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
