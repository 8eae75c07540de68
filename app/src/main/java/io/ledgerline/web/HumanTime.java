package io.ledgerline.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How pages print an instant for people: relative to now where the page is rendered per
 * request ({@code 12 s ago}, {@code 3 min ago}, {@code today 14:02},
 * {@code yesterday 14:02}, {@code 3 Dec, 14:02}, {@code 3 Dec 2025}), absolute where the
 * page is cached and shared ({@code 6 Dec 2026, 03:11 UTC}: relative text would be stale
 * the moment the entry is reused), and exact for a tooltip. The exact instant stays in
 * {@code <time datetime>} as ISO-8601 UTC with milliseconds. The server knows no reader's
 * time zone, so it writes UTC and says so; {@code /js/app.js} rewrites every
 * {@code time[data-relative]} the same way in the reader's zone and keeps it current. A
 * calendar date (an invoice's issue or due date) has no zone and reads
 * {@code 28 Sep 2026} everywhere, its ISO form in {@code datetime}. Templates reach it as
 * {@code #times} ({@link FormatsDialect}).
 */
public final class HumanTime {

	public static final HumanTime PEOPLE = new HumanTime();

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter EXACT = formatter("EEE, d MMM yyyy, HH:mm:ss.SSS 'UTC'");

	private static final DateTimeFormatter ABSOLUTE = formatter("d MMM yyyy, HH:mm 'UTC'");

	private static final DateTimeFormatter CLOCK = formatter("HH:mm");

	private static final DateTimeFormatter THIS_YEAR = formatter("d MMM, HH:mm");

	private static final DateTimeFormatter OTHER_YEAR = formatter("d MMM yyyy");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private HumanTime() {
	}

	/** {@code 2026-12-06T03:11:47.054Z}, for {@code datetime} and for scripts. */
	public static String iso(Instant instant) {
		return instant == null ? null : ISO_MILLIS.format(instant);
	}

	/** {@code Sun, 6 Dec 2026, 03:11:47.054 UTC}, for a {@code title}. */
	public String exact(Object instant) {
		return format(instant, EXACT);
	}

	/** {@code 6 Dec 2026, 03:11 UTC}: what a cached page prints. */
	public String absolute(Object instant) {
		return format(instant, ABSOLUTE);
	}

	/** {@code 28 Sep 2026}: a calendar date as people read it (nothing for none). */
	public String day(LocalDate date) {
		return date == null ? "" : DAY.format(date);
	}

	/** How long before {@code now} {@code instant} was, as people say it (in UTC). */
	public String relative(Object instant, Instant now) {
		Instant at = toInstant(instant);
		if (at == null) {
			return passThrough(instant);
		}
		long seconds = Math.max(0, Duration.between(at, now).getSeconds());
		if (seconds < 10) {
			return "just now";
		}
		if (seconds < 60) {
			return seconds + " s ago";
		}
		if (seconds < 3600) {
			return seconds / 60 + " min ago";
		}
		ZonedDateTime then = at.atZone(ZoneOffset.UTC);
		LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
		if (then.toLocalDate().equals(today)) {
			return "today " + CLOCK.format(then);
		}
		if (then.toLocalDate().equals(today.minusDays(1))) {
			return "yesterday " + CLOCK.format(then);
		}
		return (then.getYear() == today.getYear() ? THIS_YEAR : OTHER_YEAR).format(then);
	}

	private static String format(Object instant, DateTimeFormatter formatter) {
		Instant at = toInstant(instant);
		return at == null ? passThrough(instant) : formatter.format(at);
	}

	/**
	 * An instant, or its ISO text as the hooks and the JSON carry it; anything else
	 * (nothing, or a prerendered page's hole marker) is not an instant.
	 */
	private static Instant toInstant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof String text && !text.isEmpty() && Character.isDigit(text.charAt(0))) {
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException notAnInstant) {
				return null;
			}
		}
		return null;
	}

	/** What is not an instant is printed as it is (a hole marker is filled in later). */
	private static String passThrough(Object value) {
		return value == null ? "" : value.toString();
	}

	private static DateTimeFormatter formatter(String pattern) {
		return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withZone(ZoneOffset.UTC);
	}

}
