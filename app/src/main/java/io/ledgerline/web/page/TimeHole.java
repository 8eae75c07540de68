package io.ledgerline.web.page;

import java.time.Instant;

import io.ledgerline.web.HumanTime;

/**
 * An instant on a shared page, printed the way the fetched-at strip prints it:
 * {@code <time datetime="{iso}" title="{exact}">{ago}</time>}. "3 min ago" depends on
 * when the page is read, not when it was rendered, so {@link #ago()} is always a hole,
 * measured on the server's clock for each request: the page reads as people read it with
 * JavaScript off too ({@code app.js} keeps it current when it runs).
 *
 * @param iso ISO-8601 UTC with milliseconds, the hooks' {@code datetime}
 * @param exact the exact instant for a title
 * @param ago how long ago, as people say it
 */
public record TimeHole(String iso, String exact, String ago) {

	/** An instant known when the page is rendered; null for none. */
	public static TimeHole at(Instant instant) {
		if (instant == null) {
			return null;
		}
		return new TimeHole(HumanTime.iso(instant), HumanTime.PEOPLE.exact(instant),
				Hole.AGO.marker(Long.toString(instant.toEpochMilli())));
	}

	/**
	 * An instant the page's caller gives for each request
	 * ({@link PrerenderedPages.Page#withGivenTime}), such as when another read on the
	 * page was loaded.
	 */
	public static TimeHole given(String name) {
		return new TimeHole(Hole.GIVEN_ISO.marker(name), Hole.GIVEN_EXACT.marker(name), Hole.GIVEN_AGO.marker(name));
	}

}
