package io.ledgerline.cluster;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.session.web.http.SessionRepositoryFilter;

import io.ledgerline.tagcache.jdbc.JournalFollower;
import io.ledgerline.tagcache.jdbc.JournalPruner;
import io.ledgerline.tagcache.redis.RedisRefreshCoordinator;
import io.ledgerline.tagcache.spring.boot.autoconfigure.TagCacheJdbcAutoConfiguration;

/**
 * The {@code cluster} profile: what several instances of the app behind a load balancer
 * share. The tagcache starter wires the invalidation journal, its recorder and the
 * follower (Redis plus the journal) from {@code tagcache.jdbc.*} and
 * {@code tagcache.redis.*}, which {@code application-cluster.yml} maps from
 * {@code ledgerline.cluster.*}. What is Ledgerline's own is here: causal tokens carry a
 * user's last write to whichever instance serves them next, the journal is pruned on the
 * job runner, the instance header, meters and health. (The starter's refresh coordinator
 * shares the refreshes of the keys the features declared a {@code SharedValue} bean for.)
 * Sessions ({@code io.ledgerline.sessions}) ride on the same machinery.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cluster")
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfig {

	static final String PRUNING_TASK = "invalidation-journal-pruning";

	@Bean
	CausalTokens causalTokens(ClusterProperties properties) {
		return new CausalTokens(properties.tokenSecret());
	}

	/** The starter's recorder tells it each write's position: the causal token. */
	@Bean
	CausalTokenIssuer causalTokenIssuer(CausalTokens tokens) {
		return new CausalTokenIssuer(tokens);
	}

	/**
	 * On the job runner: one instance prunes at a time (the others would only contend for
	 * the same rows), and the schedule survives restarts. Under the starter's schedule
	 * name, so its own (every instance, on a thread) backs off.
	 */
	@Bean(TagCacheJdbcAutoConfiguration.PRUNING_SCHEDULE)
	RecurringTask<Void> journalPruning(JournalPruner pruner, ClusterProperties properties) {
		return Tasks.recurring(PRUNING_TASK, Schedules.fixedDelay(properties.journalPruneInterval()))
			.execute((instance, context) -> pruner.prune());
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
