package io.ledgerline.summary;

import io.ledgerline.caching.OrgTags;

/**
 * The tag of an org's summary totals. It lives with the summary because two features
 * invalidate it: every invoice mutation (through {@code InvoiceTags}) and the recompute
 * job here, which must not depend on the invoices package.
 */
public final class SummaryTags {

	private SummaryTags() {
	}

	/** The org's active count and total. */
	public static String summary(String orgId) {
		return OrgTags.prefix(orgId) + "summary";
	}

}
