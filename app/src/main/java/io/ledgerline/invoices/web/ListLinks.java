package io.ledgerline.invoices.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import io.ledgerline.invoices.InvoicePage;

/**
 * The list page's own links, each keeping the search: the tabs (a search stays a search
 * in another view, from its first page), Newer and Older.
 */
record ListLinks(String view, String q, InvoicePage page) {

	/** The first page of {@code otherView}, searched the same way. */
	public String tab(String otherView) {
		return link(otherView, null);
	}

	/** The page before this one (null on the first page). */
	public String newer() {
		return this.page.newer() ? link(this.view, this.page.newerCursor()) : null;
	}

	/** The page after this one (null on the last page). */
	public String older() {
		return this.page.nextCursor() != null ? link(this.view, this.page.nextCursor()) : null;
	}

	private String link(String view, String cursor) {
		return to(view, this.q, cursor);
	}

	/** A page of the list: a view, a search in it (or null) and a cursor (or null). */
	static String to(String view, String q, String cursor) {
		StringBuilder link = new StringBuilder("/invoices?view=").append(view);
		if (q != null) {
			link.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
		}
		if (cursor != null) {
			link.append("&cursor=").append(cursor);
		}
		return link.toString();
	}

}
