package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.ledgerline.tagcache.InvalidationBus;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;

/**
 * The Redis invalidation bus, when {@code tagcache-redis} is on the classpath and
 * {@code tagcache.redis.uri} is set: every instance's invalidations reach every other
 * instance's cache, and one that was away catches up (or, past the retention, condemns
 * what it holds). Before {@link TagCacheAutoConfiguration}, whose local bus then backs
 * off.
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

	@Bean
	@ConditionalOnMissingBean(InvalidationBus.class)
	RedisInvalidationBus tagCacheInvalidationBus(TagCacheProperties properties, ObjectProvider<Clock> clock) {
		return redisBus(properties.redis(), clock.getIfUnique(Clock::systemUTC)).start();
	}

}
