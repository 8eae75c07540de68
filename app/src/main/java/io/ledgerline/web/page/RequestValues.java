package io.ledgerline.web.page;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;

import io.ledgerline.web.CspNonce;
import io.ledgerline.web.HumanTime;
import io.ledgerline.web.SecureRandoms;
import io.ledgerline.web.Toast;
import io.ledgerline.web.page.PageUsers.Org;
import io.ledgerline.web.page.PageUsers.PageUser;

/**
 * Every value of one request that a page leaves a {@link Hole} for, in one place: adding
 * a per-request value to the pages is a hole, a case here, and its place in a template.
 * Each value is worked out once per request and only if the page shows it (a page without
 * a form never makes the session's CSRF token, an anonymous page never looks up a user);
 * {@code now} is fixed when the answer starts, so every time on the page is measured from
 * the same instant.
 */
final class RequestValues {

	static final String TOAST_TEMPLATE = "fragments/toast";

	private final HttpServletRequest request;

	private final PageUsers users;

	private final SharedTemplates templates;

	private final SecureRandom random;

	private final Instant now;

	private Optional<PageUser> user;

	RequestValues(HttpServletRequest request, PageUsers users, SharedTemplates templates, SecureRandom random,
			Instant now) {
		this.request = request;
		this.users = users;
		this.templates = templates;
		this.random = random;
		this.now = now;
	}

	/** The signed-in user as the header shows them, looked up once. */
	Optional<PageUser> user() {
		if (this.user == null) {
			this.user = this.users.current(this.request);
		}
		return this.user;
	}

	/**
	 * The frame of a page rendered for this request: the user's role and the section of
	 * the path it asked for.
	 */
	LayoutFrame frame() {
		return LayoutFrame.of(user().map(PageUser::role).orElse(null), section(this.request), this.users.demoTools());
	}

	/**
	 * The hole's value, as HTML escaped for where holes sit (text or a double-quoted
	 * attribute); {@code given} holds the times the page's caller gave for this request.
	 */
	String html(SharedHtml.Slot slot, Map<String, Instant> given) {
		return switch (slot.hole()) {
			case CSRF_TOKEN -> HtmlUtils.htmlEscape(requireCsrf().getToken());
			case CSP_NONCE -> HtmlUtils.htmlEscape(String.valueOf(this.request.getAttribute(CspNonce.ATTRIBUTE)));
			case SERVER_NOW -> this.now.truncatedTo(ChronoUnit.MILLIS).toString();
			case USER_EMAIL -> user().map(me -> HtmlUtils.htmlEscape(me.email())).orElse("");
			case ORG_OPTIONS -> user().map(RequestValues::orgOptions).orElse("");
			case TOAST -> toast();
			case FRESH_ID -> SecureRandoms.uuid(this.random).toString();
			case AGO -> HumanTime.PEOPLE.relative(Instant.ofEpochMilli(Long.parseLong(slot.argument())), this.now);
			// Only the page's caller knows these; a time it did not give shows nothing.
			case GIVEN_ISO -> given(slot, given, HumanTime::iso);
			case GIVEN_EXACT -> given(slot, given, HumanTime.PEOPLE::exact);
			case GIVEN_AGO -> given(slot, given, at -> HumanTime.PEOPLE.relative(at, this.now));
		};
	}

	private static String given(SharedHtml.Slot slot, Map<String, Instant> given,
			java.util.function.Function<Instant, String> format) {
		Instant at = given.get(slot.argument());
		return at == null ? "" : HtmlUtils.htmlEscape(format.apply(at));
	}

	/**
	 * The organisation switcher's options: the user's orgs, the active one selected.
	 * Written here rather than in a template because it is filled in on every request.
	 */
	static String orgOptions(PageUser me) {
		StringBuilder html = new StringBuilder();
		for (Org org : me.orgs()) {
			html.append("<option value=\"")
				.append(HtmlUtils.htmlEscape(org.id()))
				.append('"')
				.append(org.active() ? " selected" : "")
				.append('>')
				.append(HtmlUtils.htmlEscape(org.name()))
				.append("</option>");
		}
		return html.toString();
	}

	/**
	 * The toast a redirect left for this page (a flash attribute), with its undo as a
	 * real form carrying this session's token.
	 */
	private String toast() {
		Map<String, ?> flash = RequestContextUtils.getInputFlashMap(this.request);
		if (flash == null || !(flash.get(Toast.ATTRIBUTE) instanceof Toast toast)) {
			return "";
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(Toast.ATTRIBUTE, toast);
		variables.put("_csrf", toast.undo() == null ? null : requireCsrf());
		return this.templates.render(TOAST_TEMPLATE, variables);
	}

	private CsrfToken requireCsrf() {
		if (this.request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			return token;
		}
		throw new IllegalStateException("A page with a form answered a request without a CSRF token.");
	}

	/** Which top-level section the page belongs to, for the nav's current-page state. */
	static String section(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String section : new String[] { "invoices", "tickets", "members", "inspector" }) {
			if (path.equals("/" + section) || path.startsWith("/" + section + "/")) {
				return section;
			}
		}
		return "";
	}

}
