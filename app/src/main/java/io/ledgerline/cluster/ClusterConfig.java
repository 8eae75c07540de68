package io.ledgerline.cluster;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

import io.ledgerline.caching.TagCacheCustomizer;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;

/**
 * The {@code cluster} profile: what several instances of the app behind a load balancer
 * share. Sessions live in the database (Spring Session JDBC), invalidations travel over
 * Redis and are recorded in the journal, and causal tokens carry a user's last write to
 * whichever instance serves them next.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cluster")
@EnableConfigurationProperties(ClusterProperties.class)
@EnableJdbcHttpSession
class ClusterConfig {

	@Bean
	InvalidationJournal invalidationJournal(JdbcClient jdbc) {
		return new InvalidationJournal(jdbc);
	}

	@Bean
	CausalTokens causalTokens(ClusterProperties properties) {
		return new CausalTokens(properties.tokenSecret());
	}

	@Bean(destroyMethod = "close")
	JournalFollower journalFollower(ClusterProperties properties, InvalidationJournal journal) {
		RedisInvalidationBus redis = RedisInvalidationBus.builder()
			.uri(properties.redisUrl())
			.prefix(properties.keyPrefix())
			.commandTimeout(properties.redisTimeout())
			.build();
		return new JournalFollower(redis, journal, properties.instanceName(), properties.staleBound(),
				properties.catchUpInterval());
	}

	@Bean
	TagCacheCustomizer clusterCache(ClusterProperties properties, JournalFollower follower, InvalidationJournal journal,
			CausalTokens tokens, Clock clock) {
		return builder -> builder.instanceId(properties.instanceName())
			.bus(follower)
			.recorder(new JournalRecorder(journal, tokens, properties.instanceName(), clock))
			.ageLimit(follower::ageLimit);
	}

	@Bean
	FilterRegistrationBean<ClusterFilter> clusterFilter(ClusterProperties properties, CausalTokens tokens,
			JournalFollower follower) {
		FilterRegistrationBean<ClusterFilter> registration = new FilterRegistrationBean<>(
				new ClusterFilter(properties.instanceName(), tokens, follower));
		// Before Spring Security, so even its refusals name the instance.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	@Bean
	InvalidationBusHealth invalidationBusHealth(JournalFollower follower, ClusterProperties properties) {
		return new InvalidationBusHealth(follower, properties);
	}

}
