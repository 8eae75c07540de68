package io.ledgerline.caching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import io.ledgerline.tagcache.CacheLife;

/**
 * Every cache setting of the app, under {@code ledgerline.cache}. The defaults are the
 * values the app runs with; docs/CACHING.md lists them.
 *
 * @param maxBytes the cache's memory budget (data and rendered pages together): a share
 * of the JVM's maximum heap ({@code 25%}, the default) or a size ({@code 64MB}); beyond
 * it the least useful entries are evicted
 * @param refreshThreads threads that run stale-while-revalidate refreshes off the request
 * threads (default 2)
 * @param life the cache-life profile of each cached read, by name ({@code seconds},
 * {@code minutes}, {@code hours}, {@code days}, {@code weeks}, {@code max},
 * {@code default})
 */
@ConfigurationProperties("ledgerline.cache")
public record CacheProperties(@DefaultValue("25%") String maxBytes, @DefaultValue("2") int refreshThreads,
		@DefaultValue Life life) {

	/** More than this share of the heap leaves too little for requests and sessions. */
	private static final int MOST_PERCENT = 80;

	public CacheProperties {
		budget(maxBytes, Runtime.getRuntime().maxMemory());
		if (refreshThreads < 1) {
			throw new IllegalArgumentException("ledgerline.cache.refresh-threads must be at least 1.");
		}
	}

	/** The budget in bytes on a JVM whose maximum heap is {@code maxHeap}. */
	public long budgetBytes(long maxHeap) {
		return budget(this.maxBytes, maxHeap);
	}

	private static long budget(String setting, long maxHeap) {
		String text = setting == null ? "" : setting.strip();
		long bytes;
		try {
			if (text.endsWith("%")) {
				int percent = Integer.parseInt(text.substring(0, text.length() - 1).strip());
				if (percent < 1 || percent > MOST_PERCENT) {
					throw new IllegalArgumentException();
				}
				bytes = maxHeap / 100 * percent;
			}
			else {
				bytes = DataSize.parse(text).toBytes();
			}
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("ledgerline.cache.max-bytes must be a share of the heap from 1% to "
					+ MOST_PERCENT + "% or a size such as 64MB, was '" + setting + "'.");
		}
		if (bytes < 1) {
			throw new IllegalArgumentException(
					"ledgerline.cache.max-bytes must be more than 0, was '" + setting + "'.");
		}
		return bytes;
	}

	/**
	 * Writes invalidate every read below exactly, so entries may live long: each profile
	 * only bounds how long an entry nobody invalidates is served (default {@code hours}:
	 * stale after 5 minutes, refreshed in the background for an hour, gone after a day).
	 *
	 * @param invoiceList a page of an org's invoice list
	 * @param invoiceRecord one invoice with its lines
	 * @param invoiceSummary an org's active count and total
	 * @param ticketBoard an org's rendered ticket board (per role)
	 */
	public record Life(@DefaultValue("hours") CacheLife invoiceList, @DefaultValue("hours") CacheLife invoiceRecord,
			@DefaultValue("hours") CacheLife invoiceSummary, @DefaultValue("hours") CacheLife ticketBoard) {
	}

}
