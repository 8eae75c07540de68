package io.ledgerline.invoices;

import java.time.LocalDate;
import java.util.List;

import io.ledgerline.caching.OrgTags;
import io.ledgerline.summary.SummaryTags;

/**
 * The only place invoice cache tags and cache keys are written. Every invoice mutation
 * touches exactly the org's list, that invoice's record and the org's summary.
 */
public final class InvoiceTags {

	/** The keys of the org summaries ({@link #summaryKey}). */
	static final String SUMMARY_KEY_PREFIX = "summary:";

	/** The keys of the overdue counts ({@link #overdueKey}). */
	static final String OVERDUE_KEY_PREFIX = "invoices:overdue:";

	private InvoiceTags() {
	}

	/** Every page of every view of the org's invoice list. */
	public static String list(String orgId) {
		return OrgTags.prefix(orgId) + "invoices";
	}

	/** One invoice's record (with its lines). */
	public static String record(String orgId, long invoiceId) {
		return OrgTags.prefix(orgId) + "invoice:" + invoiceId;
	}

	/** The org's active count and total (the summary feature owns the tag). */
	public static String summary(String orgId) {
		return SummaryTags.summary(orgId);
	}

	/** What one invoice mutation touches, as a unit. */
	public static List<String> touchedBy(String orgId, long invoiceId) {
		return List.of(list(orgId), record(orgId, invoiceId), summary(orgId));
	}

	/** The key of one list page: org, view, where the page starts and the day. */
	public static String listKey(String orgId, InvoiceView view, long beforeId, LocalDate day) {
		return listKey(orgId, view, InvoiceSearch.NONE, beforeId, day);
	}

	/**
	 * The key of one page of a view or of a search within it, read for one day.
	 * Overdue-ness changes at midnight without a write, so every read that shows it is
	 * keyed by the day: the first read after midnight misses and loads afresh
	 * (docs/CACHING.md, "Overdue and midnight"). The search comes last, by its normalised
	 * words, so no word can be mistaken for the cursor or the day.
	 */
	public static String listKey(String orgId, InvoiceView view, InvoiceSearch search, long beforeId, LocalDate day) {
		String key = "invoices:list:" + orgId + ":" + view.value() + ":" + beforeId + ":" + day;
		return search.isNone() ? key : key + ":q:" + search.key();
	}

	/** One invoice's record, for one day (its overdue mark). */
	public static String recordKey(String orgId, long invoiceId, LocalDate day) {
		return "invoices:record:" + orgId + ":" + invoiceId + ":" + day;
	}

	/** The org's overdue count and sum on one day. */
	static String overdueKey(String orgId, LocalDate day) {
		return OVERDUE_KEY_PREFIX + orgId + ":" + day;
	}

	/**
	 * The key of one invoice's PDF; {@code what} names the org, the invoice and its org's
	 * name.
	 */
	public static String pdfKey(String what) {
		return "invoices:pdf:" + what;
	}

	static String summaryKey(String orgId) {
		return SUMMARY_KEY_PREFIX + orgId;
	}

}
