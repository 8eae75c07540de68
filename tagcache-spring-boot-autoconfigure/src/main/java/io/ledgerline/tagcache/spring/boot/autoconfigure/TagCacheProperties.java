package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of the auto-configured cache, under {@code tagcache}. Checked when the
 * application starts: a bad value stops it with the property's name and the rule it
 * broke.
 *
 * @param maximumSize the most entries held; beyond it the least useful are evicted
 * (ignored when {@code maximum-weight} is set)
 * @param maximumWeight bounds the cache by estimated bytes instead of entries: a size
 * ({@code 64MB}) or a share of the JVM's maximum heap ({@code 25%}); a value implementing
 * {@code Weighable} estimates itself, a string counts two bytes a character, anything
 * else weighs {@code default-value-weight}
 * @param defaultValueWeight what a value that does not estimate its own size is taken to
 * weigh
 * @param instanceId this instance's name in events and bus messages (default
 * {@code hostname:pid}); instances sharing a bus need distinct ones
 * @param sweepInterval at most how often entries made dead by invalidations are swept out
 * @param refreshThreads threads that run stale-while-revalidate refreshes off the request
 * threads
 * @param recentInvalidations how many of the latest invalidations the Actuator endpoint
 * shows
 * @param profiles custom cache-life profiles by name (the built-in ones cannot be
 * redefined)
 * @param actionScope which requests are actions, where {@code updateTag} is allowed
 * @param redis the Redis invalidation bus (needs {@code tagcache-redis} on the classpath)
 * @param jdbc the invalidation journal in the application's database (needs
 * {@code tagcache-jdbc} on the classpath)
 */
@ConfigurationProperties("tagcache")
@Validated
public record TagCacheProperties(@DefaultValue("10000") @Min(1) long maximumSize, MemoryBudget maximumWeight,
		@DefaultValue("1KB") @NotNull DataSize defaultValueWeight, String instanceId,
		@DefaultValue("30s") @NotNull Duration sweepInterval, @DefaultValue("2") @Min(1) @Max(64) int refreshThreads,
		@DefaultValue("50") @Min(0) @Max(1000) int recentInvalidations, Map<String, @Valid Profile> profiles,
		@DefaultValue @Valid ActionScope actionScope, @DefaultValue @Valid Redis redis,
		@DefaultValue @Valid Jdbc jdbc) {

	public TagCacheProperties {
		profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
	}

	@AssertTrue(message = "must not be blank when set")
	boolean isInstanceIdNotBlank() {
		return instanceId == null || !instanceId.isBlank();
	}

	@AssertTrue(message = "must not be negative")
	boolean isSweepIntervalNotNegative() {
		return sweepInterval == null || !sweepInterval.isNegative();
	}

	/**
	 * A custom cache-life profile; durations as in {@code 30s}, {@code 5m}, {@code 1h}.
	 *
	 * @param stale how long a client may reuse the value without asking
	 * @param revalidate after this age the entry is served stale and refreshed in the
	 * background
	 * @param expire after this age it is never served (empty: never); must exceed
	 * {@code revalidate}
	 */
	public record Profile(@DefaultValue("5m") @NotNull Duration stale, @NotNull Duration revalidate, Duration expire) {

		@AssertTrue(message = "expire must exceed revalidate, and no duration may be negative")
		boolean isConsistent() {
			if (stale == null || revalidate == null) {
				return true;
			}
			return !stale.isNegative() && !revalidate.isNegative()
					&& (expire == null || expire.compareTo(revalidate) > 0);
		}

	}

	/**
	 * @param enabled whether the starter opens the action scope for mutation requests
	 * (off: the application opens it itself, with {@code TagCache.openScope})
	 * @param methods the HTTP methods of a mutation request
	 */
	public record ActionScope(@DefaultValue("true") boolean enabled, @DefaultValue( {
			"POST", "PUT", "PATCH", "DELETE" }) @NotEmpty Set<String> methods){

	}

	/**
	 * @param uri where Redis is, e.g. {@code redis://127.0.0.1:6379/0}; setting it
	 * switches the Redis bus on
	 * @param prefix starts every key and the channel, so several applications can share
	 * one Redis
	 * @param commandTimeout the most any Redis command may take
	 * @param checkInterval how often the bus checks Redis, noticing an outage and its end
	 * @param retention how long a tag's record is kept for instances catching up; one
	 * away for longer condemns its whole cache when it returns
	 * @param trimInterval how often records older than the retention are removed
	 * @param refreshLease how long one instance holds the refresh of a shared key (one
	 * with a {@code SharedValue} bean) for the others: the most a crashed instance delays
	 * that refresh, and longer than its loader should take
	 */
	public record Redis(String uri, @DefaultValue("tagcache:") @NotNull String prefix,
			@DefaultValue("1s") @NotNull Duration commandTimeout,
			@DefaultValue("500ms") @NotNull Duration checkInterval, @DefaultValue("1h") @NotNull Duration retention,
			@DefaultValue("1m") @NotNull Duration trimInterval, @DefaultValue("5s") @NotNull Duration refreshLease) {

		@AssertTrue(
				message = "command-timeout, check-interval, retention, trim-interval and refresh-lease must be positive")
		boolean isPositive() {
			return positive(commandTimeout) && positive(checkInterval) && positive(retention) && positive(trimInterval)
					&& positive(refreshLease);
		}

		private static boolean positive(Duration duration) {
			return duration == null || (!duration.isNegative() && !duration.isZero());
		}

	}

	/**
	 * @param enabled switches the journal on (with a {@code DataSource} bean): every
	 * invalidation is also written to the {@code invalidation_journal} table in the
	 * writer's transaction, and with {@code tagcache.redis.uri} set the bus becomes the
	 * journal's follower, which catches up from it whatever Redis lost
	 * @param retention how long the journal keeps an invalidation; an instance away
	 * longer than this cannot know what it missed and condemns its whole cache. At least
	 * 1m, and far above any commit delay
	 * @param pruneInterval how often the starter deletes the rows older than the
	 * retention (define a bean named {@code tagCacheJournalPruning} to schedule it
	 * yourself)
	 * @param pruneBatch journal rows deleted per transaction
	 * @param catchUpInterval while the bus is down, how often the journal is read (while
	 * it is up, how often the position moves up to the head)
	 * @param staleBound while the bus is down, nothing older than this is served
	 * @param gapTimeout how long a journal position skipped by higher rows is looked for
	 * before it is taken for a rollback; above the longest transaction that records
	 * invalidations, and at most half the retention. By default 1m, or half the retention
	 * if that is less
	 */
	public record Jdbc(boolean enabled, @DefaultValue("1h") @NotNull Duration retention,
			@DefaultValue("1m") @NotNull Duration pruneInterval, @DefaultValue("1000") @Min(1) int pruneBatch,
			@DefaultValue("1s") @NotNull Duration catchUpInterval, @DefaultValue("5s") @NotNull Duration staleBound,
			Duration gapTimeout) {

		@AssertTrue(message = "retention must be at least 1m")
		boolean isRetentionLongEnough() {
			// Rows are allocated before their commit, and a position skipped is looked
			// for
			// until the gap timeout: minutes at least keep any row a live instance needs.
			return retention == null || retention.compareTo(Duration.ofMinutes(1)) >= 0;
		}

		@AssertTrue(message = "prune-interval, catch-up-interval and stale-bound must be positive")
		boolean isPositive() {
			return Redis.positive(pruneInterval) && Redis.positive(catchUpInterval) && Redis.positive(staleBound);
		}

		@AssertTrue(message = "gap-timeout must be positive and at most half the retention")
		boolean isGapTimeoutWithinHalfTheRetention() {
			return retention == null || gapTimeout == null
					|| (Redis.positive(gapTimeout) && gapTimeout.compareTo(retention.dividedBy(2)) <= 0);
		}

		/** The gap timeout, or its default: 1m, or half the retention if that is less. */
		public Duration gapTimeoutOrDefault() {
			if (gapTimeout != null) {
				return gapTimeout;
			}
			Duration half = retention.dividedBy(2);
			return half.compareTo(Duration.ofMinutes(1)) < 0 ? half : Duration.ofMinutes(1);
		}

	}

}
