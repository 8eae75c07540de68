package io.ledgerline.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletContext;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a template that will be cached and shared by many users: with a plain (non-web)
 * Thymeleaf context holding only the variables given, so the template cannot reach the
 * request, the session, the signed-in user or the CSRF token even by mistake, and a
 * background refresh can re-render it long after the request that caused it has gone.
 * Such templates write links as {@code |${contextPath}/…|} (no {@code @{…}}, which needs
 * a request).
 */
@Component
public class FragmentTemplates {

	/**
	 * One language for everyone who shares a rendering, whatever their browser asks for.
	 */
	private static final Locale LOCALE = Locale.ENGLISH;

	private final ITemplateEngine templates;

	private final String contextPath;

	FragmentTemplates(ITemplateEngine templates, ServletContext servletContext) {
		this.templates = templates;
		this.contextPath = servletContext.getContextPath();
	}

	public String render(String template, Map<String, ?> variables) {
		Context context = new Context(LOCALE);
		variables.forEach(context::setVariable);
		context.setVariable("contextPath", contextPath);
		return templates.process(template, context);
	}

}
