package io.ledgerline.caching;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.ledgerline.tagcache.TagCache;

@Configuration(proxyBeanMethods = false)
class CacheConfig {

	@Bean
	InvalidationLog invalidationLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
		return new InvalidationLog(jdbc, transactions);
	}

	/**
	 * Background refreshes (stale-while-revalidate) run here, off the request threads.
	 */
	@Bean(destroyMethod = "shutdown")
	ExecutorService cacheRefreshExecutor() {
		AtomicInteger count = new AtomicInteger();
		return Executors.newFixedThreadPool(2, task -> {
			Thread thread = new Thread(task, "cache-refresh-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	TagCache tagCache(Clock clock, InvalidationLog log, ExecutorService cacheRefreshExecutor,
			@Value("${ledgerline.cache.maximum-size:50000}") long maximumSize,
			ObjectProvider<TagCacheCustomizer> customizers) {
		TagCache.Builder builder = TagCache.builder()
			.clock(clock)
			.maximumSize(maximumSize)
			.refreshExecutor(cacheRefreshExecutor)
			.commitBinding(new SpringCommitBinding())
			.listener(log);
		customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	FilterRegistrationBean<ActionScopeFilter> actionScopeFilter() {
		FilterRegistrationBean<ActionScopeFilter> registration = new FilterRegistrationBean<>(new ActionScopeFilter());
		// After Spring Security's chain: only requests it let through become actions.
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

}
