package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ledgerline.tagcache.InvalidationBus;
import io.ledgerline.tagcache.InvalidationRecorder;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.jdbc.InvalidationJournal;
import io.ledgerline.tagcache.jdbc.JournalFollower;
import io.ledgerline.tagcache.jdbc.JournalPruner;
import io.ledgerline.tagcache.jdbc.JournalRecorder;
import io.ledgerline.tagcache.jdbc.PositionListener;
import io.ledgerline.tagcache.spring.TagCacheBuilderCustomizer;

/**
 * The invalidation journal, when {@code tagcache-jdbc} is on the classpath, there is a
 * {@link DataSource} and {@code tagcache.jdbc.enabled=true}: every invalidation is
 * written in the writer's transaction ({@link JournalRecorder}, telling the application's
 * {@link PositionListener} beans), old rows are pruned on a schedule, and with
 * {@code tagcache.redis.uri} set the cache's bus is the {@link JournalFollower} (the
 * Redis bus plus what the journal has that Redis lost), so the plain Redis bus and the
 * local one back off. The tables are the application's to create: see
 * {@code META-INF/tagcache/jdbc/schema.sql} (PostgreSQL and H2). Every bean backs off
 * when the application defines its own.
 */
@AutoConfiguration(before = { TagCacheRedisAutoConfiguration.class, TagCacheAutoConfiguration.class },
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(name = { "io.ledgerline.tagcache.jdbc.InvalidationJournal",
		"org.springframework.jdbc.datasource.DataSourceUtils" })
@ConditionalOnBooleanProperty("tagcache.jdbc.enabled")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(TagCacheProperties.class)
public final class TagCacheJdbcAutoConfiguration {

	/**
	 * The name of the pruning schedule: define a bean of that name (of any type) to
	 * schedule {@link JournalPruner#prune()} yourself, say where one instance at a time
	 * runs it; the starter's schedule then is not made.
	 */
	public static final String PRUNING_SCHEDULE = "tagCacheJournalPruning";

	/**
	 * After the database's initialization (Flyway, Liquibase, SQL scripts), which may be
	 * what creates the tables: the follower reads them as it starts.
	 */
	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	InvalidationJournal tagCacheInvalidationJournal(DataSource dataSource) {
		return InvalidationJournal.of(dataSource, new TransactionConnections(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean(InvalidationRecorder.class)
	JournalRecorder tagCacheJournalRecorder(InvalidationJournal journal, TagCacheProperties properties,
			ObjectProvider<Clock> clock, ObjectProvider<PositionListener> listeners) {
		JournalRecorder.Builder recorder = JournalRecorder.builder(journal)
			.instanceId(instanceId(properties))
			.clock(clock.getIfUnique(Clock::systemUTC));
		listeners.orderedStream().forEach(recorder::listener);
		return recorder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	JournalPruner tagCacheJournalPruner(InvalidationJournal journal, TagCacheProperties properties,
			ObjectProvider<Clock> clock) {
		return JournalPruner.builder(journal)
			.retention(properties.jdbc().retention())
			.batchSize(properties.jdbc().pruneBatch())
			.clock(clock.getIfUnique(Clock::systemUTC))
			.build();
	}

	@Bean(name = PRUNING_SCHEDULE, destroyMethod = "close")
	@ConditionalOnMissingBean(name = PRUNING_SCHEDULE)
	PruningSchedule tagCacheJournalPruning(JournalPruner pruner, TagCacheProperties properties) {
		return new PruningSchedule(pruner, properties.jdbc().pruneInterval());
	}

	/**
	 * The rows name this instance as the cache does, so its follower skips them; and
	 * while the follower's bus is down, nothing older than the stale bound is served.
	 */
	@Bean
	TagCacheBuilderCustomizer tagCacheJournalCustomizer(TagCacheProperties properties,
			ObjectProvider<JournalFollower> follower) {
		String instanceId = instanceId(properties);
		return builder -> {
			builder.instanceId(instanceId);
			follower.ifUnique(journal -> builder.ageLimit(journal::ageLimit));
		};
	}

	static String instanceId(TagCacheProperties properties) {
		return properties.instanceId() != null ? properties.instanceId() : TagCache.defaultInstanceId();
	}

	/** With Redis configured too: the follower is the cache's one bus. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.ledgerline.tagcache.redis.RedisInvalidationBus")
	@ConditionalOnProperty(prefix = "tagcache.redis", name = "uri")
	static class Following {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean(InvalidationBus.class)
		JournalFollower tagCacheJournalFollower(InvalidationJournal journal, TagCacheProperties properties,
				ObjectProvider<Clock> clock) {
			Clock time = clock.getIfUnique(Clock::systemUTC);
			TagCacheProperties.Jdbc jdbc = properties.jdbc();
			return JournalFollower.builder(journal, TagCacheRedisAutoConfiguration.redisBus(properties.redis(), time))
				.instanceId(instanceId(properties))
				.staleBound(jdbc.staleBound())
				.catchUpInterval(jdbc.catchUpInterval())
				.gapTimeout(jdbc.gapTimeoutOrDefault())
				.clock(time)
				.start();
		}

	}

}
