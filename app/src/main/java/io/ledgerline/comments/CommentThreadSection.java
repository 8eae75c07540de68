package io.ledgerline.comments;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.webjars.WebJarVersionLocator;

import tools.jackson.databind.json.JsonMapper;

import io.ledgerline.invoices.DetailPageSection;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.Weighable;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.page.PrerenderedPages;

/**
 * The thread on the invoice detail page ({@code comments/thread :: thread}): the first
 * page rendered on the server (no empty skeleton), handed to the client island as the
 * same JSON the API answers, and the server-rendered count. Cached under the invoice's
 * record tag, which every post updates ({@link CommentService#post}), so the poster lands
 * on a page with their comment and everyone's next render has it; the island's polling
 * brings others' posts to a page already open.
 */
@Component
class CommentThreadSection implements DetailPageSection {

	/** Every post updates the tag; the hour only bounds a miss. */
	private static final CacheLife LIFE = CacheLife.HOURS;

	private final CommentService comments;

	private final TagCache cache;

	private final JsonMapper json;

	private final Duration pollInterval;

	/** The page's import map: where {@code @tanstack/query-core} is served from. */
	private final String importMap;

	CommentThreadSection(CommentService comments, TagCache cache, JsonMapper json,
			@Value("${ledgerline.comments.poll-interval:10s}") Duration pollInterval) {
		this.comments = comments;
		this.cache = cache;
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
	public Shown show(ActingUser actor, Invoice invoice) {
		String key = "comments:thread:" + invoice.orgId() + ":" + invoice.id();
		List<String> tags = List.of(InvoiceTags.record(invoice.orgId(), invoice.id()));
		Cached<ThreadView> thread = this.cache.get(key, tags, LIFE, () -> {
			CommentService.ThreadStart start = this.comments.start(invoice);
			return new ThreadView(invoice.orgId(), invoice.id(), start.count(), start.firstPage(),
					this.json.writeValueAsString(start.firstPage()), this.pollInterval.toMillis(),
					PrerenderedPages.freshIdHole(), this.importMap);
		});
		return new Shown("thread", thread, tags);
	}

	/**
	 * What the fragment shows. {@code newClientId} is a hole filled per request (like the
	 * CSRF token): the plain form's idempotency key, so a double-submitted form stores
	 * one comment. {@code orgId} is the org the thread is cached for, the form's
	 * {@code formOrg}.
	 */
	record ThreadView(String orgId, long invoiceId, long count, CommentPage firstPage, String firstPageJson,
			long pollMillis, String newClientId, String importMap) implements Weighable {

		/**
		 * The first page is held twice (objects and their JSON); each comment's objects
		 * about three times its JSON.
		 */
		@Override
		public int estimatedBytes() {
			return 256 + 4 * 2 * this.firstPageJson.length() + this.importMap.length();
		}

	}

}
