package io.ledgerline.invoices;

import java.util.List;

import io.ledgerline.caching.OrgTags;
import io.ledgerline.summary.SummaryTags;

/**
 * The only place invoice cache tags and cache keys are written. Every invoice mutation
 * touches exactly the org's list, that invoice's record and the org's summary.
 */
public final class InvoiceTags {

	private InvoiceTags() {
	}

	/** Every page of every view of the org's invoice list. */
	public static String list(String orgId) {
		return orgPrefix(orgId) + "invoices";
	}

	/** One invoice's record (with its lines). */
	public static String record(String orgId, long invoiceId) {
		return orgPrefix(orgId) + "invoice:" + invoiceId;
	}

	/** The org's active count and total (the summary feature owns the tag). */
	public static String summary(String orgId) {
		return SummaryTags.summary(orgId);
	}

	/**
	 * The prefix every tag of one org starts with (to show an org its own log entries).
	 */
	public static String orgPrefix(String orgId) {
		return OrgTags.prefix(orgId);
	}

	/** What one invoice mutation touches, as a unit. */
	public static List<String> touchedBy(String orgId, long invoiceId) {
		return List.of(list(orgId), record(orgId, invoiceId), summary(orgId));
	}

	/** The key of one list page: org, view and where the page starts. */
	static String listKey(String orgId, InvoiceView view, long beforeId) {
		return listKey(orgId, view, InvoiceSearch.NONE, beforeId);
	}

	/**
	 * The key of one page of a view or of a search within it: the search by its
	 * normalised words (last, so no word can be mistaken for the cursor).
	 */
	static String listKey(String orgId, InvoiceView view, InvoiceSearch search, long beforeId) {
		String key = "invoices:list:" + orgId + ":" + view.value() + ":" + beforeId;
		return search.isNone() ? key : key + ":q:" + search.key();
	}

	static String recordKey(String orgId, long invoiceId) {
		return "invoices:record:" + orgId + ":" + invoiceId;
	}

	static String summaryKey(String orgId) {
		return "summary:" + orgId;
	}

}
