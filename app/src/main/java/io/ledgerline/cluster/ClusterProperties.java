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
 * @param catchUpInterval while the bus is down, how often the journal is read
 */
@ConfigurationProperties("ledgerline.cluster")
record ClusterProperties(@DefaultValue("instance") String instanceName,
		@DefaultValue("redis://127.0.0.1:6379") String redisUrl, @DefaultValue("ll:") String keyPrefix,
		@DefaultValue("500ms") Duration redisTimeout, @DefaultValue("5s") Duration staleBound, String tokenSecret,
		@DefaultValue("1s") Duration catchUpInterval) {

	ClusterProperties {
		if (tokenSecret == null || tokenSecret.length() < 16) {
			throw new IllegalArgumentException(
					"ledgerline.cluster.token-secret must be set (16+ characters, the same on every instance)");
		}
	}

}
