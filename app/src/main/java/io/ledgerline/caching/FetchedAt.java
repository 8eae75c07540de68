package io.ledgerline.caching;

import java.time.Instant;

import io.ledgerline.web.HumanTime;

/**
 * The fetched-at strip: when each cached read on a page actually ran its loader, as
 * ISO-8601 UTC with milliseconds (Instant.toString drops zero millis, hence the
 * formatter).
 */
public record FetchedAt(String list, String record, String summary) {

	public static FetchedAt of(Instant list, Instant record, Instant summary) {
		return new FetchedAt(format(list), format(record), format(summary));
	}

	public static String format(Instant instant) {
		return HumanTime.iso(instant);
	}

}
