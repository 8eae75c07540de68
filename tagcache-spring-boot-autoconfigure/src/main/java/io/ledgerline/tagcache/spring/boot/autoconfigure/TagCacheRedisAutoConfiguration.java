package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.ledgerline.tagcache.InvalidationBus;
import io.ledgerline.tagcache.RefreshCoordinator;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;
import io.ledgerline.tagcache.redis.RedisRefreshCoordinator;
import io.ledgerline.tagcache.redis.SharedValue;

/**
 * The Redis invalidation bus, when {@code tagcache-redis} is on the classpath and
 * {@code tagcache.redis.uri} is set: every instance's invalidations reach every other
 * instance's cache, and one that was away catches up (or, past the retention, condemns
 * what it holds). Before {@link TagCacheAutoConfiguration}, whose local bus then backs
 * off. With {@link SharedValue} beans, also the refresh coordinator that has one instance
 * refresh each such key for all.
 */
@AutoConfiguration(before = TagCacheAutoConfiguration.class)
@ConditionalOnClass(name = "io.ledgerline.tagcache.redis.RedisInvalidationBus")
@ConditionalOnProperty(prefix = "tagcache.redis", name = "uri")
@EnableConfigurationProperties(TagCacheProperties.class)
public final class TagCacheRedisAutoConfiguration {

	/** A bus from the {@code tagcache.redis.*} properties, not started. */
	static RedisInvalidationBus redisBus(TagCacheProperties.Redis redis, Clock clock) {
		return RedisInvalidationBus.builder()
			.uri(redis.uri())
			.prefix(redis.prefix())
			.commandTimeout(redis.commandTimeout())
			.checkInterval(redis.checkInterval())
			.retention(redis.retention())
			.trimInterval(redis.trimInterval())
			.clock(clock)
			.build();
	}

	/**
	 * One refresh per revalidated key for the cluster, for the keys the application
	 * declared a {@link SharedValue} for (the cache takes any {@link RefreshCoordinator}
	 * bean); every other key refreshes on each instance and costs no Redis command.
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(RefreshCoordinator.class)
	@ConditionalOnBean(SharedValue.class)
	RedisRefreshCoordinator tagCacheRefreshCoordinator(TagCacheProperties properties,
			ObjectProvider<SharedValue<?>> shared) {
		TagCacheProperties.Redis redis = properties.redis();
		RedisRefreshCoordinator.Builder builder = RedisRefreshCoordinator.builder()
			.uri(redis.uri())
			.prefix(redis.prefix())
			.commandTimeout(redis.commandTimeout())
			.lease(redis.refreshLease());
		shared.orderedStream().forEach(builder::share);
		return builder.build().start();
	}

	@Bean
	@ConditionalOnMissingBean(InvalidationBus.class)
	RedisInvalidationBus tagCacheInvalidationBus(TagCacheProperties properties, ObjectProvider<Clock> clock) {
		return redisBus(properties.redis(), clock.getIfUnique(Clock::systemUTC)).start();
	}

}
