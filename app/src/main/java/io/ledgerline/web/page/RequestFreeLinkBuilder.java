package io.ledgerline.web.page;

import java.util.Map;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;

/**
 * Lets {@code @{/…}} links work in templates rendered without a request
 * ({@link SharedTemplates}): Thymeleaf's own builder refuses a context-relative link
 * outside a web context, though the context path is the same for every request. With a
 * request, links are built exactly as before.
 */
final class RequestFreeLinkBuilder extends StandardLinkBuilder {

	private final String contextPath;

	RequestFreeLinkBuilder(String contextPath) {
		this.contextPath = contextPath;
	}

	@Override
	protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
		if (context instanceof IWebContext) {
			return super.computeContextPath(context, base, parameters);
		}
		return this.contextPath;
	}

}
