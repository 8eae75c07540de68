package io.ledgerline.web.page;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a template that will be shared by many users: with a plain (non-web) Thymeleaf
 * context holding only the variables given, so the template cannot reach the request, the
 * session, the signed-in user or the CSRF token even by mistake, and a background refresh
 * can re-render it long after the request that caused it has gone. Links are {@code @{…}}
 * as anywhere ({@link RequestFreeLinkBuilder} supplies the context path);
 * {@code th:action} adds no CSRF field without a request, so a form writes its own.
 */
@Component
class SharedTemplates {

	/**
	 * One language for everyone who shares a rendering, whatever their browser asks for.
	 */
	private static final Locale LOCALE = Locale.ENGLISH;

	private final ITemplateEngine templates;

	SharedTemplates(ITemplateEngine templates) {
		this.templates = templates;
	}

	String render(String template, Map<String, ?> variables) {
		Context context = new Context(LOCALE);
		variables.forEach(context::setVariable);
		return this.templates.process(template, context);
	}

}
