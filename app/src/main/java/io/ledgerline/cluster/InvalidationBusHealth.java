package io.ledgerline.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import io.ledgerline.tagcache.jdbc.JournalFollower;

/**
 * UP while Redis carries invalidations; DEGRADED (still serving, HTTP 200) while it does
 * not: then nothing older than the stale bound is served and the journal is polled.
 */
class InvalidationBusHealth implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED",
			"Redis is unreachable: invalidations come from the database journal, nothing older than the stale bound is served");

	private final JournalFollower follower;

	private final ClusterProperties properties;

	InvalidationBusHealth(JournalFollower follower, ClusterProperties properties) {
		this.follower = follower;
		this.properties = properties;
	}

	@Override
	public Health health() {
		Health.Builder health = follower.isDegraded() ? Health.status(DEGRADED) : Health.up();
		return health.withDetail("journalPosition", follower.position())
			.withDetail("staleBound", properties.staleBound().toString())
			.withDetail("journalRetention", properties.journalRetention().toString())
			// Times this instance fell behind the window and condemned its whole cache.
			.withDetail("condemnedEverything", follower.journalGaps() + follower.lostGaps() + follower.redisGaps())
			.build();
	}

}
