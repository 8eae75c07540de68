package io.ledgerline.caching;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.TagCacheBuilder;
import io.ledgerline.tagcache.Weighable;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.tenancy.ActingUserResolver;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
class CacheConfig {

	/** Lets {@code ledgerline.cache.life.*} name a built-in profile. */
	@Bean
	@ConfigurationPropertiesBinding
	static Converter<String, CacheLife> cacheLifeByName() {
		return new CacheLifeByName();
	}

	/**
	 * The inspector's log: only where the inspector is (the demo profile). The acting
	 * user is looked up when an invalidation is logged, not when the log is built: its
	 * resolution reads through this very cache.
	 */
	@Bean
	@Profile("demo")
	InvalidationLog invalidationLog(JdbcClient jdbc, InvalidationLogPool pool, ObjectProvider<ActingUserResolver> users,
			@Value("${ledgerline.inspector.log-entries-per-org:300}") int keepPerOrg) {
		return new InvalidationLog(jdbc, pool.dataSource(), () -> actingOrg(users.getObject()), keepPerOrg);
	}

	/** The acting org of the current request (already resolved there), or null. */
	private static String actingOrg(ActingUserResolver users) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		try {
			return users.current(attributes.getRequest()).map(ActingUser::orgId).orElse(null);
		}
		catch (RuntimeException noOrg) {
			return null;
		}
	}

	@Bean(destroyMethod = "close")
	@Profile("demo")
	InvalidationLogPool invalidationLogPool(DataSourceProperties properties) {
		return InvalidationLogPool.of(properties);
	}

	/**
	 * Background refreshes (stale-while-revalidate) run here, off the request threads.
	 */
	@Bean(destroyMethod = "shutdown")
	ExecutorService cacheRefreshExecutor(CacheProperties properties) {
		AtomicInteger count = new AtomicInteger();
		return Executors.newFixedThreadPool(properties.refreshThreads(), task -> {
			Thread thread = new Thread(task, "cache-refresh-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * What a cached value that does not estimate its own size is taken to weigh: more
	 * than any such value the app caches (a summary), so the budget errs on the safe
	 * side.
	 */
	static final int OTHER_VALUE_BYTES = 1_024;

	/** A cached value's estimated bytes, for the cache's budget. */
	static int estimatedBytes(Object value) {
		if (value instanceof Weighable weighable) {
			return weighable.estimatedBytes();
		}
		if (value instanceof CharSequence text) {
			// A rendered board: Latin-1 strings hold a byte per character, others two.
			return 2 * text.length() + 40;
		}
		return OTHER_VALUE_BYTES;
	}

	@Bean
	TagCache tagCache(Clock clock, ObjectProvider<InvalidationLog> log, ExecutorService cacheRefreshExecutor,
			CacheProperties properties, ObjectProvider<TagCacheCustomizer> customizers) {
		TagCacheBuilder builder = TagCache.builder()
			.clock(clock)
			.maximumWeight(properties.budgetBytes(Runtime.getRuntime().maxMemory()), CacheConfig::estimatedBytes)
			.refreshExecutor(cacheRefreshExecutor)
			.commitBinding(new SpringCommitBinding());
		log.ifAvailable(builder::listener);
		customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	MemoryHealth memoryHealthIndicator(TagCache tagCache, Clock clock) {
		return new MemoryHealth(tagCache, clock);
	}

	@Bean
	FilterRegistrationBean<ActionScopeFilter> actionScopeFilter() {
		FilterRegistrationBean<ActionScopeFilter> registration = new FilterRegistrationBean<>(new ActionScopeFilter());
		// After Spring Security's chain: only requests it let through become actions.
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

	static final class CacheLifeByName implements Converter<String, CacheLife> {

		@Override
		public CacheLife convert(String name) {
			return CacheLife.builtIn(name.trim())
				.orElseThrow(() -> new IllegalArgumentException("No cache-life profile named '" + name
						+ "'; use seconds, minutes, hours, days, weeks, max or default."));
		}

	}

}
