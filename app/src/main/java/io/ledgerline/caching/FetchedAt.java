package io.ledgerline.caching;

import java.time.Instant;

import io.ledgerline.web.HumanTime;
import io.ledgerline.web.page.TimeHole;

/**
 * The fetched-at strip ({@code fragments/fetched}): when each cached read on a page
 * actually ran its loader, each printed as people read it ({@link TimeHole}); null for a
 * read the page does not show.
 */
public record FetchedAt(TimeHole list, TimeHole record, TimeHole summary) {

	public static FetchedAt of(Instant list, Instant record, Instant summary) {
		return new FetchedAt(TimeHole.at(list), TimeHole.at(record), TimeHole.at(summary));
	}

	/**
	 * ISO-8601 UTC with milliseconds, as the hooks and the JSON carry an instant
	 * (Instant.toString drops zero millis, hence the formatter).
	 */
	public static String format(Instant instant) {
		return HumanTime.iso(instant);
	}

}
