package io.ledgerline.tagcache;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named cache-life profile: three durations measured from an entry's {@code fetchedAt}.
 *
 * <ul>
 * <li>{@code stale}: how long a client (a browser) may reuse the value without asking the
 * server. Informational for the cache itself; an application can turn it into a
 * {@code Cache-Control} header.
 * <li>{@code revalidate}: once an entry is at least this old it is served stale and one
 * background refresh is started.
 * <li>{@code expire}: once an entry is at least this old it is never served; the next
 * read loads synchronously. {@code null} means never. Must exceed {@code revalidate}.
 * </ul>
 *
 * <p>
 * The built-in profiles carry the numbers of Next.js 16's {@code cacheLife} profiles.
 *
 * @param name the profile's name, used in events and by
 * {@link TagCache#revalidateTag(String, String)}
 * @param stale client reuse window, zero or positive
 * @param revalidate age after which the entry is stale, zero or positive
 * @param expire age after which the entry is dead, greater than {@code revalidate};
 * {@code null} for never
 */
public record CacheLife(String name, Duration stale, Duration revalidate, Duration expire) {

	public static final CacheLife DEFAULT = of("default", 300, 900, -1);

	public static final CacheLife SECONDS = of("seconds", 30, 1, 60);

	public static final CacheLife MINUTES = of("minutes", 300, 60, 3_600);

	public static final CacheLife HOURS = of("hours", 300, 3_600, 86_400);

	public static final CacheLife DAYS = of("days", 300, 86_400, 604_800);

	public static final CacheLife WEEKS = of("weeks", 300, 604_800, 2_592_000);

	public static final CacheLife MAX = of("max", 300, 2_592_000, 31_536_000);

	private static final List<CacheLife> BUILT_INS = List.of(DEFAULT, SECONDS, MINUTES, HOURS, DAYS, WEEKS, MAX);

	public CacheLife {
		Objects.requireNonNull(name, "profile name must not be null");
		if (name.isBlank()) {
			throw new IllegalArgumentException("profile name must not be blank");
		}
		requireNotNegative(name, "stale", stale);
		requireNotNegative(name, "revalidate", revalidate);
		if (expire != null && expire.compareTo(revalidate) <= 0) {
			throw new IllegalArgumentException(
					"profile '" + name + "': expire (" + expire + ") must exceed revalidate (" + revalidate + ")");
		}
	}

	/**
	 * The built-in profile of that name ({@code "default"}, {@code "seconds"}, ...
	 * {@code "max"}), if any.
	 */
	public static Optional<CacheLife> builtIn(String name) {
		Objects.requireNonNull(name, "profile name must not be null");
		for (CacheLife life : BUILT_INS) {
			if (life.name.equals(name)) {
				return Optional.of(life);
			}
		}
		return Optional.empty();
	}

	private static void requireNotNegative(String profile, String field, Duration value) {
		Objects.requireNonNull(value, () -> "profile '" + profile + "': " + field + " must not be null");
		if (value.isNegative()) {
			throw new IllegalArgumentException(
					"profile '" + profile + "': " + field + " must not be negative, was " + value);
		}
	}

	private static CacheLife of(String name, long stale, long revalidate, long expire) {
		return new CacheLife(name, Duration.ofSeconds(stale), Duration.ofSeconds(revalidate),
				expire < 0 ? null : Duration.ofSeconds(expire));
	}
}
