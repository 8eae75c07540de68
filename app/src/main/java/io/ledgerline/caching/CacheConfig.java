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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.spring.boot.autoconfigure.TagCacheAutoConfiguration;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.tenancy.ActingUserResolver;

/**
 * Ledgerline's additions to the cache the tagcache starter configures: its settings
 * ({@code ledgerline.cache.*}; application.yml hands the budget to
 * {@code tagcache.maximum-weight}), the refresh threads, the memory health and the demo's
 * invalidation log (an {@code InvalidationListener} bean, which the starter attaches).
 */
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
	 * The app's own pool rather than the starter's, under the name the starter looks for:
	 * sized by {@code ledgerline.cache.refresh-threads}, and reachable as
	 * {@code cacheRefreshExecutor} (the cluster tests wait on its completed refreshes).
	 */
	@Bean(name = { TagCacheAutoConfiguration.REFRESH_EXECUTOR, "cacheRefreshExecutor" }, destroyMethod = "shutdown")
	ExecutorService cacheRefreshExecutor(CacheProperties properties) {
		AtomicInteger count = new AtomicInteger();
		return Executors.newFixedThreadPool(properties.refreshThreads(), task -> {
			Thread thread = new Thread(task, "cache-refresh-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	MemoryHealth memoryHealthIndicator(TagCache tagCache, Clock clock) {
		return new MemoryHealth(tagCache, clock);
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
