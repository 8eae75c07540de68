package io.ledgerline.tagcache.spring.boot.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.ledgerline.tagcache.TagCache;

/** The {@code tagcache} Actuator endpoint, when Actuator is there and exposes it. */
@AutoConfiguration(after = TagCacheAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnBean({ TagCache.class, BusMonitor.class, RecentInvalidations.class })
@ConditionalOnAvailableEndpoint(TagCacheEndpoint.class)
public final class TagCacheEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TagCacheEndpoint tagCacheEndpoint(TagCache cache, BusMonitor bus, RecentInvalidations recent) {
		return new TagCacheEndpoint(cache, bus, recent);
	}

}
