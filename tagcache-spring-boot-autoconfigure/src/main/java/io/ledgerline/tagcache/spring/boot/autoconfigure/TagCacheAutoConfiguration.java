package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.concurrent.Executor;

import org.springframework.aop.Advisor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.CommitBinding;
import io.ledgerline.tagcache.InvalidationBus;
import io.ledgerline.tagcache.InvalidationListener;
import io.ledgerline.tagcache.InvalidationRecorder;
import io.ledgerline.tagcache.LocalInvalidationBus;
import io.ledgerline.tagcache.RefreshCoordinator;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.TagCacheBuilder;
import io.ledgerline.tagcache.spring.CachedRead;
import io.ledgerline.tagcache.spring.RevalidatesTags;
import io.ledgerline.tagcache.spring.TagCacheBuilderCustomizer;
import io.ledgerline.tagcache.spring.UpdatesTags;

/**
 * A {@link TagCache} from the {@code tagcache.*} properties, bound to the application's
 * transactions, and the advisors behind {@link CachedRead}, {@link UpdatesTags} and
 * {@link RevalidatesTags}. Every bean backs off when the application defines its own.
 * After the transaction auto-configuration, so the write advisor sorts inside the
 * transaction advisor (see {@link #tagCacheWriteAdvisor}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration")
@EnableConfigurationProperties(TagCacheProperties.class)
@Import(AutoProxyRegistrar.class)
public final class TagCacheAutoConfiguration {

	/**
	 * The order of the write advisor: the transaction advisor's, and registered after it,
	 * so the invalidations are asked for inside the method's own transaction (recorded in
	 * it, run after its commit, dropped on its rollback).
	 */
	public static final int WRITE_ADVISOR_ORDER = Ordered.LOWEST_PRECEDENCE;

	/**
	 * The order of the read advisor: outside the method's transaction, so a hit opens
	 * none.
	 */
	public static final int READ_ADVISOR_ORDER = Ordered.LOWEST_PRECEDENCE - 1;

	/**
	 * The name of the {@link Executor} that runs background refreshes: define an executor
	 * of that name to run them on your own threads (the starter's then are not made). By
	 * name, because an application's other executors must not be taken for it.
	 */
	public static final String REFRESH_EXECUTOR = "tagCacheRefreshExecutor";

	@Bean
	@ConditionalOnMissingBean
	InvalidationBus tagCacheInvalidationBus() {
		return new LocalInvalidationBus();
	}

	@Bean
	@ConditionalOnMissingBean
	BusMonitor tagCacheBusMonitor(InvalidationBus bus) {
		return BusMonitors.of(bus);
	}

	@Bean
	@ConditionalOnMissingBean(name = REFRESH_EXECUTOR)
	RefreshThreads tagCacheRefreshThreads(TagCacheProperties properties) {
		return new RefreshThreads(properties.refreshThreads());
	}

	@Bean
	@ConditionalOnMissingBean
	RecentInvalidations tagCacheRecentInvalidations(TagCacheProperties properties) {
		return new RecentInvalidations(properties.recentInvalidations());
	}

	@Bean
	@ConditionalOnMissingBean
	TagCache tagCache(TagCacheProperties properties, CommitBinding commitBinding, InvalidationBus bus,
			BusMonitor busMonitor, ObjectProvider<RefreshThreads> refreshThreads,
			@Qualifier(REFRESH_EXECUTOR) ObjectProvider<Executor> ownRefreshExecutor, ObjectProvider<Clock> clock,
			ObjectProvider<InvalidationRecorder> recorder, ObjectProvider<RefreshCoordinator> coordinator,
			ObjectProvider<InvalidationListener> listeners, ObjectProvider<TagCacheBuilderCustomizer> customizers) {
		Clock time = clock.getIfUnique(Clock::systemUTC);
		TagCacheBuilder builder = TagCache.builder()
			.clock(time)
			.maximumSize(properties.maximumSize())
			.sweepInterval(properties.sweepInterval())
			.refreshExecutor(ownRefreshExecutor.getIfAvailable(() -> refreshThreads.getObject().executor()))
			.commitBinding(commitBinding)
			.bus(bus);
		if (properties.maximumWeight() != null) {
			builder.maximumWeight(properties.maximumWeight().toBytes(Runtime.getRuntime().maxMemory()),
					new ValueWeigher((int) Math.min(Integer.MAX_VALUE, properties.defaultValueWeight().toBytes())));
		}
		if (properties.instanceId() != null) {
			builder.instanceId(properties.instanceId());
		}
		properties.profiles()
			.forEach((name, profile) -> builder
				.profile(new CacheLife(name, profile.stale(), profile.revalidate(), profile.expire())));
		recorder.ifUnique(builder::recorder);
		coordinator.ifUnique(builder::refreshCoordinator);
		listeners.orderedStream().forEach(builder::listener);
		customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
		TagCache cache = builder.build();
		busMonitor.watch(bus, cache.instanceId(), time);
		return cache;
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static TagExpressions tagCacheExpressions() {
		return new TagExpressions();
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor tagCacheReadAdvisor(ObjectProvider<TagCache> cache, ObjectProvider<TagExpressions> expressions) {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(annotated(CachedRead.class),
				new CachedReadInterceptor(cache, expressions.getObject()));
		advisor.setOrder(READ_ADVISOR_ORDER);
		return advisor;
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor tagCacheWriteAdvisor(ObjectProvider<TagCache> cache, ObjectProvider<TagExpressions> expressions) {
		ComposablePointcut writes = new ComposablePointcut(annotated(UpdatesTags.class))
			.union(annotated(RevalidatesTags.class));
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(writes,
				new TagWriteInterceptor(cache, expressions.getObject()));
		advisor.setOrder(WRITE_ADVISOR_ORDER);
		return advisor;
	}

	/**
	 * The methods that carry {@code annotation} themselves or on a method they implement
	 * or override (an interface's, say), as {@code @Cacheable} finds its own.
	 */
	private static Pointcut annotated(Class<? extends Annotation> annotation) {
		return new AnnotationMatchingPointcut(null, annotation, true);
	}

	/** With Spring's transactions: invalidate after the commit, never on rollback. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.transaction.support.TransactionSynchronizationManager")
	static class TransactionBinding {

		@Bean
		@ConditionalOnMissingBean
		CommitBinding tagCacheCommitBinding() {
			return new TransactionCommitBinding();
		}

	}

	/** Without them: every invalidation runs at once. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.transaction.support.TransactionSynchronizationManager")
	static class ImmediateBinding {

		@Bean
		@ConditionalOnMissingBean
		CommitBinding tagCacheCommitBinding() {
			return CommitBinding.IMMEDIATE;
		}

	}

}
