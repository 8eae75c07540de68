package io.ledgerline.tagcache.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ledgerline.tagcache.TagCache;

/**
 * The action scope of a servlet application: its mutation requests are actions, where
 * {@code updateTag} (and {@code @UpdatesTags}) is allowed.
 */
@AutoConfiguration(after = TagCacheAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
@ConditionalOnBean(TagCache.class)
@ConditionalOnBooleanProperty(name = "tagcache.action-scope.enabled", matchIfMissing = true)
public final class TagCacheWebAutoConfiguration {

	/** The filter's bean name; define a bean of that name to replace it. */
	public static final String ACTION_SCOPE_FILTER = "tagCacheActionScopeFilter";

	@Bean(ACTION_SCOPE_FILTER)
	@ConditionalOnMissingBean(name = ACTION_SCOPE_FILTER)
	FilterRegistrationBean<ActionScopeFilter> tagCacheActionScopeFilter(TagCacheProperties properties) {
		FilterRegistrationBean<ActionScopeFilter> registration = new FilterRegistrationBean<>(
				new ActionScopeFilter(properties.actionScope().methods()));
		// Last: only a request the security filters let through becomes an action.
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

}
