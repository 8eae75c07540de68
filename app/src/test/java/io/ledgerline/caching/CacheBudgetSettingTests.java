package io.ledgerline.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.spring.boot.autoconfigure.TagCacheAutoConfiguration;

/**
 * {@code ledgerline.cache.max-bytes}, as documented, sizes the cache the starter builds:
 * application.yml hands it to {@code tagcache.maximum-weight}.
 */
class CacheBudgetSettingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(context -> applicationYml()
			.forEach(source -> context.getEnvironment().getPropertySources().addLast(source)))
		.withConfiguration(AutoConfigurations.of(TagCacheAutoConfiguration.class));

	@Test
	void theDefaultBudgetIsAQuarterOfTheHeap() {
		runner.run(context -> assertThat(context.getBean(TagCache.class).maximumWeight())
			.isEqualTo(Runtime.getRuntime().maxMemory() / 100 * 25));
	}

	@Test
	void aBudgetSetAsLedgerlineCacheMaxBytesReachesTheCache() {
		runner.withPropertyValues("ledgerline.cache.max-bytes=48MB")
			.run(context -> assertThat(context.getBean(TagCache.class).maximumWeight()).isEqualTo(48L * 1024 * 1024));
	}

	private static List<PropertySource<?>> applicationYml() {
		try {
			return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
