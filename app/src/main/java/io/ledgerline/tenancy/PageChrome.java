package io.ledgerline.tenancy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DataAccessException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.HtmlUtils;

import io.ledgerline.web.CspNonce;
import io.ledgerline.web.ForbiddenException;
import io.ledgerline.web.FragmentTemplates;
import io.ledgerline.web.Hole;
import io.ledgerline.web.PageFrame;
import io.ledgerline.web.PageHoles;
import io.ledgerline.web.SecureRandoms;
import io.ledgerline.web.Toast;

/**
 * What the page frame (header, navigation, toasts) shows on every page, reachable from
 * the layout as {@code @pageChrome.frame()} for a page rendered per request, and the same
 * facts for the holes of a prerendered page. Error pages answered by exception handlers
 * get no controller model; the layout asks this bean, so they keep the header of a
 * signed-in user.
 */
@Component("pageChrome")
public class PageChrome implements PageHoles {

	static final String TOAST_TEMPLATE = "fragments/toast";

	private final ActingUserResolver users;

	private final FragmentTemplates templates;

	private final boolean demo;

	private final Clock clock;

	private final SecureRandom random = SecureRandoms.drbg();

	PageChrome(ActingUserResolver users, FragmentTemplates templates, DemoProfile demoProfile, Clock clock) {
		this.users = users;
		this.templates = templates;
		this.demo = demoProfile.isOn();
		this.clock = clock;
	}

	/** The frame of the current request's page, with its real values. */
	public PageFrame frame() {
		HttpServletRequest request = request();
		String section = section(request);
		ActingUser me = user(request);
		if (me == null) {
			return PageFrame.anonymous(section, this.demo, now());
		}
		return new PageFrame(true, me.email(), me.role().dbValue(), orgOptions(me), section, this.demo, now(), null);
	}

	/**
	 * The frame of a page prerendered for everyone with {@code me}'s role: holes for the
	 * user, the clock and the toast, which {@link #html} fills per request.
	 */
	public PageFrame prerendered(ActingUser me, String section) {
		return new PageFrame(true, Hole.USER_EMAIL.marker(), me.role().dbValue(), Hole.ORG_OPTIONS.marker(), section,
				this.demo, Hole.SERVER_NOW.marker(), Hole.TOAST.marker());
	}

	@Override
	public String html(Hole hole, HttpServletRequest request, Map<String, ?> model) {
		return switch (hole) {
			case CSRF_TOKEN -> HtmlUtils.htmlEscape(csrf(request).getToken());
			case CSP_NONCE -> HtmlUtils.htmlEscape(String.valueOf(request.getAttribute(CspNonce.ATTRIBUTE)));
			case SERVER_NOW -> now();
			case USER_EMAIL -> HtmlUtils.htmlEscape(this.users.require(request).email());
			case ORG_OPTIONS -> orgOptions(this.users.require(request));
			case TOAST -> toast(model.get(Toast.ATTRIBUTE), request);
			case FRESH_ID -> SecureRandoms.uuid(this.random).toString();
			// Only the page's caller knows these; a page that leaves them open without
			// filling them shows nothing there.
			case LIST_FETCHED_AT, SUMMARY_FETCHED_AT -> "";
		};
	}

	/**
	 * The organisation switcher's options: the user's orgs, the active one selected.
	 * Written here rather than in a template because a prerendered page fills it in on
	 * every request.
	 */
	static String orgOptions(ActingUser me) {
		StringBuilder html = new StringBuilder();
		for (Membership membership : me.memberships()) {
			html.append("<option value=\"")
				.append(HtmlUtils.htmlEscape(membership.orgId()))
				.append('"')
				.append(membership.orgId().equals(me.orgId()) ? " selected" : "")
				.append('>')
				.append(HtmlUtils.htmlEscape(membership.orgName()))
				.append("</option>");
		}
		return html.toString();
	}

	private String toast(Object toast, HttpServletRequest request) {
		if (!(toast instanceof Toast)) {
			return "";
		}
		return this.templates.render(TOAST_TEMPLATE, Map.of(Toast.ATTRIBUTE, toast, "_csrf", csrf(request)));
	}

	private static CsrfToken csrf(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			return token;
		}
		throw new IllegalStateException("A prerendered page answered a request without a CSRF token.");
	}

	/**
	 * The server's now, so "fetched 3 s ago" is measured on the app's clock, not the
	 * browser's.
	 */
	private String now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
	}

	private ActingUser user(HttpServletRequest request) {
		if (request == null) {
			return null;
		}
		try {
			return this.users.current(request).orElse(null);
		}
		catch (ForbiddenException | DataAccessException noHeader) {
			// No membership, or the database is the very error this page reports: the
			// page still renders, without the header.
			return null;
		}
	}

	/** Which top-level section the page belongs to, for the nav's current-page state. */
	private static String section(HttpServletRequest request) {
		if (request == null) {
			return "";
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String section : new String[] { "invoices", "tickets", "members", "inspector" }) {
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
