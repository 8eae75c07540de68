package io.ledgerline.cluster;

import java.time.Clock;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.caching.SharedValue;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;
import io.ledgerline.tagcache.redis.RedisRefreshCoordinator;
import io.ledgerline.tagcache.spring.TagCacheBuilderCustomizer;

/**
 * The {@code cluster} profile: what several instances of the app behind a load balancer
 * share. Invalidations travel over Redis and are recorded in the journal, and causal
 * tokens carry a user's last write to whichever instance serves them next. Sessions
 * ({@code io.ledgerline.sessions}) ride on the same machinery.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cluster")
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfig {

	static final String PRUNING_TASK = "invalidation-journal-pruning";

	@Bean
	InvalidationJournal invalidationJournal(JdbcClient jdbc) {
		return new InvalidationJournal(jdbc);
	}

	@Bean
	CausalTokens causalTokens(ClusterProperties properties) {
		return new CausalTokens(properties.tokenSecret());
	}

	@Bean
	JournalPruner journalPruner(InvalidationJournal journal, PlatformTransactionManager transactions,
			ClusterProperties properties, Clock clock) {
		return new JournalPruner(journal, new TransactionTemplate(transactions), properties.journalRetention(),
				properties.journalPruneBatch(), clock);
	}

	/**
	 * On the job runner: one instance prunes at a time (the others would only contend for
	 * the same rows), and the schedule survives restarts.
	 */
	@Bean
	RecurringTask<Void> journalPruning(JournalPruner pruner, ClusterProperties properties) {
		return Tasks.recurring(PRUNING_TASK, Schedules.fixedDelay(properties.journalPruneInterval()))
			.execute((instance, context) -> pruner.prune());
	}

	@Bean(destroyMethod = "close")
	JournalFollower journalFollower(ClusterProperties properties, InvalidationJournal journal, Clock clock) {
		// Redis keeps the journal's window; every instance trims it (idempotent, and
		// cheap).
		RedisInvalidationBus redis = RedisInvalidationBus.builder()
			.uri(properties.redisUrl())
			.prefix(properties.keyPrefix())
			.commandTimeout(properties.redisTimeout())
			.retention(properties.journalRetention())
			.trimInterval(properties.journalPruneInterval())
			.clock(clock)
			.build();
		return new JournalFollower(redis, journal, properties.instanceName(), properties.staleBound(),
				properties.catchUpInterval(), properties.journalGapTimeout(), clock);
	}

	/**
	 * One refresh per revalidated key for the cluster (docs/CACHING.md, "One refresh per
	 * key"), for the keys the features declared a {@link SharedValue} for; any other key
	 * refreshes on each instance and touches no Redis.
	 */
	@Bean(destroyMethod = "close")
	RedisRefreshCoordinator refreshCoordinator(ClusterProperties properties, List<SharedValue<?>> sharedValues) {
		RedisRefreshCoordinator.Builder builder = RedisRefreshCoordinator.builder()
			.uri(properties.redisUrl())
			.prefix(properties.keyPrefix())
			.commandTimeout(properties.redisTimeout());
		sharedValues.forEach(shared -> share(builder, shared));
		return builder.build().start();
	}

	private static <V> void share(RedisRefreshCoordinator.Builder builder, SharedValue<V> shared) {
		builder.share(shared.keyPrefix(), shared.codec());
	}

	/**
	 * The rest of the cache's cluster wiring. The starter itself takes the follower as
	 * the cache's bus (its local bus backs off for it; its Redis bus needs
	 * {@code tagcache.redis.uri}, which the app never sets, so there is one bus) and the
	 * refresh coordinator above.
	 */
	@Bean
	TagCacheBuilderCustomizer clusterCache(ClusterProperties properties, JournalFollower follower,
			InvalidationJournal journal, CausalTokens tokens, Clock clock) {
		return builder -> builder.instanceId(properties.instanceName())
			.recorder(new JournalRecorder(journal, tokens, properties.instanceName(), clock))
			.ageLimit(follower::ageLimit);
	}

	@Bean
	FilterRegistrationBean<ClusterFilter> clusterFilter(ClusterProperties properties, CausalTokens tokens,
			JournalFollower follower) {
		FilterRegistrationBean<ClusterFilter> registration = new FilterRegistrationBean<>(
				new ClusterFilter(properties.instanceName(), tokens, follower));
		// Before Spring Security, so even its refusals name the instance; and before
		// Spring Session's filter (see ClusterFilter).
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
		return registration;
	}

	@Bean
	ClusterMetrics clusterMetrics(JournalFollower follower, JournalPruner pruner, RedisRefreshCoordinator refreshes) {
		return new ClusterMetrics(follower, pruner, refreshes);
	}

	@Bean
	InvalidationBusHealth invalidationBusHealth(JournalFollower follower, ClusterProperties properties) {
		return new InvalidationBusHealth(follower, properties);
	}

}
