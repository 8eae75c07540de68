package io.ledgerline.caching;

/**
 * What every cache tag of one org starts with. Each feature writes its own tags (in its
 * tag helper, e.g. {@code InvoiceTags}) under this prefix, so the invalidation log can
 * show an org its own entries and never another org's.
 */
public final class OrgTags {

	private OrgTags() {
	}

	public static String prefix(String orgId) {
		return "org:" + orgId + ":";
	}

}
