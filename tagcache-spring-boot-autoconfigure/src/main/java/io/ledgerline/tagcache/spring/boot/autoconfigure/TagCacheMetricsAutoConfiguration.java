package io.ledgerline.tagcache.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.ledgerline.tagcache.TagCache;

/** Micrometer meters for the cache, when Micrometer is on the classpath. */
@AutoConfiguration(after = TagCacheAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
@ConditionalOnBean({ TagCache.class, BusMonitor.class })
public final class TagCacheMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TagCacheMetrics tagCacheMetrics(TagCache cache, BusMonitor bus, ObjectProvider<TagCacheProperties> properties) {
		TagCacheProperties settings = properties.getIfAvailable();
		return new TagCacheMetrics(cache, bus, settings != null && settings.maximumWeight() != null);
	}

}
