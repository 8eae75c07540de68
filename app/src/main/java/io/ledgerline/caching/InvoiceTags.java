package io.ledgerline.caching;

import java.util.List;

/**
 * The only place cache tag strings are written. Every invoice mutation touches exactly
 * the org's list, that invoice's record and the org's summary.
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

	/** The org's active count and total. */
	public static String summary(String orgId) {
		return orgPrefix(orgId) + "summary";
	}

	/**
	 * The prefix every tag of one org starts with (to show an org its own log entries).
	 */
	public static String orgPrefix(String orgId) {
		return "org:" + orgId + ":";
	}

	/** What one invoice mutation touches, as a unit. */
	public static List<String> touchedBy(String orgId, long invoiceId) {
		return List.of(list(orgId), record(orgId, invoiceId), summary(orgId));
	}

}
