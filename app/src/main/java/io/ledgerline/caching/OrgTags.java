package io.ledgerline.caching;

import java.util.Optional;

/**
 * What every cache tag of one org starts with, written and read back here only. Each
 * feature writes its own tags (in its tag helper, e.g. {@code InvoiceTags}) under this
 * prefix, so the invalidation log can show an org its own entries and never another
 * org's.
 */
public final class OrgTags {

	private static final String START = "org:";

	private static final char END = ':';

	private OrgTags() {
	}

	/**
	 * The prefix of every tag of {@code orgId}.
	 * @throws IllegalArgumentException for a null id or one holding {@code ':'}, which
	 * could not be read back from the tag
	 */
	public static String prefix(String orgId) {
		if (orgId == null || orgId.indexOf(END) >= 0) {
			throw new IllegalArgumentException("An org id in a cache tag must be non-null and hold no ':': " + orgId);
		}
		return START + orgId + END;
	}

	/** The org a tag was written for, or empty for a tag of no org. */
	static Optional<String> orgOf(String tag) {
		if (!tag.startsWith(START)) {
			return Optional.empty();
		}
		int end = tag.indexOf(END, START.length());
		return end < 0 ? Optional.empty() : Optional.of(tag.substring(START.length(), end));
	}

}
