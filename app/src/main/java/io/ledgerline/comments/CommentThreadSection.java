package io.ledgerline.comments;

import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
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

	CommentThreadSection(CommentService comments, JsonMapper json,
			@Value("${ledgerline.comments.poll-interval:10s}") Duration pollInterval) {
		this.comments = comments;
		this.json = json;
		this.pollInterval = pollInterval;
	}

	@Override
	public void addTo(ActingUser actor, Invoice invoice, Model model) {
		CommentPage first = comments.firstPage(invoice);
		model.addAttribute("thread", new ThreadView(invoice.id(), comments.count(invoice), first,
				json.writeValueAsString(first), pollInterval.toMillis(), UUID.randomUUID().toString()));
	}

	/**
	 * What the fragment shows. {@code newClientId} is per request (like the CSRF token):
	 * the plain form's idempotency key, so a double-submitted form stores one comment.
	 */
	record ThreadView(long invoiceId, long count, CommentPage firstPage, String firstPageJson, long pollMillis,
			String newClientId) {
	}

}
