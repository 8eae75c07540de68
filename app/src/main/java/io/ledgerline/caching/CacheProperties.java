package io.ledgerline.caching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.ledgerline.tagcache.CacheLife;

/**
 * Every cache setting of the app, under {@code ledgerline.cache}. The defaults are the
 * values the app has always run with; docs/CACHING.md lists them.
 *
 * @param maximumSize entries kept before the least useful are evicted (default 50000)
 * @param refreshThreads threads that run stale-while-revalidate refreshes off the request
 * threads (default 2)
 * @param life the cache-life profile of each cached read, by name ({@code seconds},
 * {@code minutes}, {@code hours}, {@code days}, {@code weeks}, {@code max},
 * {@code default})
 */
@ConfigurationProperties("ledgerline.cache")
public record CacheProperties(@DefaultValue("50000") long maximumSize, @DefaultValue("2") int refreshThreads,
		@DefaultValue Life life) {

	public CacheProperties {
		if (maximumSize < 1) {
			throw new IllegalArgumentException("ledgerline.cache.maximum-size must be at least 1.");
		}
		if (refreshThreads < 1) {
			throw new IllegalArgumentException("ledgerline.cache.refresh-threads must be at least 1.");
		}
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
