package io.ledgerline.comments;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.webjars.WebJarVersionLocator;
import org.springframework.ui.Model;

import tools.jackson.databind.json.JsonMapper;

import io.ledgerline.invoices.DetailPageSection;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.tenancy.ActingUser;

/**
 * The thread on the invoice detail page ({@code comments/thread :: thread}): the first
 * page rendered on the server (no empty skeleton), handed to the client island as the
 * same JSON the API answers, and the server-rendered count.
 */
@Component
class CommentThreadSection implements DetailPageSection {

	private final CommentService comments;

	private final JsonMapper json;

	private final Duration pollInterval;

	/** The page's import map: where {@code @tanstack/query-core} is served from. */
	private final String importMap;

	CommentThreadSection(CommentService comments, JsonMapper json,
			@Value("${ledgerline.comments.poll-interval:10s}") Duration pollInterval) {
		this.comments = comments;
		this.json = json;
		this.pollInterval = pollInterval;
		this.importMap = json.writeValueAsString(Map.of("imports", Map.of("@tanstack/query-core", queryCoreUrl())));
	}

	/**
	 * The WebJar's versioned URL, served as a plain static resource: Spring's resource
	 * chain, which would resolve a version-less {@code /webjars/} URL, is off because it
	 * looks up every link of every page (docs/BENCHMARKS.md).
	 */
	private static String queryCoreUrl() {
		String path = new WebJarVersionLocator().path("tanstack__query-core", "build/modern/index.js");
		if (path == null) {
			throw new IllegalStateException("The tanstack__query-core WebJar is not on the classpath.");
		}
		return "/webjars/" + path;
	}

	@Override
	public void addTo(ActingUser actor, Invoice invoice, Model model) {
		CommentPage first = comments.firstPage(invoice);
		model.addAttribute("thread", new ThreadView(invoice.id(), comments.count(invoice), first,
				json.writeValueAsString(first), pollInterval.toMillis(), UUID.randomUUID().toString(), importMap));
	}

	/**
	 * What the fragment shows. {@code newClientId} is per request (like the CSRF token):
	 * the plain form's idempotency key, so a double-submitted form stores one comment.
	 */
	record ThreadView(long invoiceId, long count, CommentPage firstPage, String firstPageJson, long pollMillis,
			String newClientId, String importMap) {
	}

}
