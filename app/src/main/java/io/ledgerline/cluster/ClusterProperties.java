package io.ledgerline.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledgerline.cluster.*}: how the instances of one deployment find each other.
 *
 * @param instanceName names this instance in the {@code X-Ledgerline-Instance} header,
 * bus messages and logs; unique per instance
 * @param redisUrl the Redis carrying invalidations
 * @param keyPrefix starts every Redis key and the channel: deployments sharing a Redis
 * stay apart
 * @param redisTimeout the most any Redis command may take
 * @param staleBound while the bus is down, nothing older than this is served
 * @param tokenSecret signs causal tokens; the same on every instance, and secret
 * @param catchUpInterval while the bus is down, how often the journal is read (while it
 * is up, how often the position moves up to the head)
 * @param journalRetention how long the journal and Redis keep an invalidation; an
 * instance away longer than this cannot know what it missed and condemns its whole cache.
 * Far above any commit delay and any Redis outage worth riding out
 * @param journalPruneInterval how often rows and Redis records older than the retention
 * are removed
 * @param journalPruneBatch journal rows deleted per transaction
 * @param journalGapTimeout how long a journal position skipped by higher rows is looked
 * for before it is taken for a rollback; above the longest transaction that records
 * invalidations, and at most half the retention (so a rollback's gap is given up before
 * the rows around it are pruned); by default 1m, or half the retention if that is less
 */
@ConfigurationProperties("ledgerline.cluster")
record ClusterProperties(@DefaultValue("instance") String instanceName,
		@DefaultValue("redis://127.0.0.1:6379") String redisUrl, @DefaultValue("ll:") String keyPrefix,
		@DefaultValue("500ms") Duration redisTimeout, @DefaultValue("5s") Duration staleBound, String tokenSecret,
		@DefaultValue("1s") Duration catchUpInterval, @DefaultValue("1h") Duration journalRetention,
		@DefaultValue("1m") Duration journalPruneInterval, @DefaultValue("1000") int journalPruneBatch,
		Duration journalGapTimeout) {

	ClusterProperties {
		if (tokenSecret == null || tokenSecret.length() < 16) {
			throw new IllegalArgumentException(
					"ledgerline.cluster.token-secret must be set (16+ characters, the same on every instance)");
		}
		// Rows are allocated before their commit, and a position skipped is looked for
		// until the gap timeout: a window of minutes at least keeps any row a live
		// instance may still need.
		if (journalRetention.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException(
					"ledgerline.cluster.journal-retention must be at least 1m, was " + journalRetention);
		}
		// Unset, the starter's default applies (tagcache.jdbc.gap-timeout, mapped in
		// application-cluster.yml).
		Duration halfRetention = journalRetention.dividedBy(2);
		if (journalGapTimeout != null && (journalGapTimeout.isZero() || journalGapTimeout.isNegative()
				|| journalGapTimeout.compareTo(halfRetention) > 0)) {
			throw new IllegalArgumentException(
					"ledgerline.cluster.journal-gap-timeout must be positive and at most half the journal retention ("
							+ halfRetention + "), was " + journalGapTimeout);
		}
		if (journalPruneInterval.isZero() || journalPruneInterval.isNegative() || journalPruneBatch < 1) {
			throw new IllegalArgumentException(
					"ledgerline.cluster.journal-prune-interval and journal-prune-batch must be positive");
		}
	}

}
