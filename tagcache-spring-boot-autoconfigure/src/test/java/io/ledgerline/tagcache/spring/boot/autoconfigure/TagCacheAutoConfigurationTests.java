package io.ledgerline.tagcache.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.CommitBinding;
import io.ledgerline.tagcache.InvalidationBus;
import io.ledgerline.tagcache.LocalInvalidationBus;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;
import io.ledgerline.tagcache.spring.TagCacheBuilderCustomizer;

/** What the starter configures from properties alone, and how it steps aside. */
class TagCacheAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TagCacheRedisAutoConfiguration.class, TagCacheAutoConfiguration.class,
				TagCacheMetricsAutoConfiguration.class));

	@Test
	void withNoSettingsATagCacheBoundToTransactionsOnALocalBus() {
		runner.run(context -> {
			assertThat(context).hasSingleBean(TagCache.class)
				.hasSingleBean(LocalInvalidationBus.class)
				.hasSingleBean(TagCacheMetrics.class)
				.doesNotHaveBean(RedisInvalidationBus.class);
			assertThat(context.getBean(CommitBinding.class)).isInstanceOf(TransactionCommitBinding.class);
			TagCache cache = context.getBean(TagCache.class);
			assertThat(cache.maximumWeight()).isEqualTo(10_000);
			assertThat(context.getBean(BusMonitor.class).type()).isEqualTo("local");
		});
	}

	@Test
	void withoutSpringTransactionsInvalidationsRunAtOnce() {
		runner.withClassLoader(new FilteredClassLoader("org.springframework.transaction"))
			.run(context -> assertThat(context.getBean(CommitBinding.class)).isSameAs(CommitBinding.IMMEDIATE));
	}

	@Test
	void propertiesConfigureTheCache() {
		runner
			.withPropertyValues("tagcache.maximum-size=500", "tagcache.instance-id=node-a",
					"tagcache.profiles.briefly.revalidate=10s", "tagcache.profiles.briefly.expire=1m")
			.run(context -> {
				TagCache cache = context.getBean(TagCache.class);
				assertThat(cache.maximumWeight()).isEqualTo(500);
				assertThat(cache.instanceId()).isEqualTo("node-a");
				assertThat(cache.profile("briefly")).isEqualTo(
						new CacheLife("briefly", Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofMinutes(1)));
			});
	}

	@Test
	void aMaximumWeightBoundsTheCacheInBytes() {
		runner.withPropertyValues("tagcache.maximum-weight=2MB")
			.run(context -> assertThat(context.getBean(TagCache.class).maximumWeight()).isEqualTo(2 * 1024 * 1024));
	}

	@Test
	void aMaximumWeightMayBeAShareOfTheHeap() {
		runner.withPropertyValues("tagcache.maximum-weight=10%")
			.run(context -> assertThat(context.getBean(TagCache.class).maximumWeight())
				.isEqualTo(Runtime.getRuntime().maxMemory() / 100 * 10));
		for (String bad : new String[] { "0%", "101%", "lots%", "-1MB" }) {
			runner.withPropertyValues("tagcache.maximum-weight=" + bad).run(context -> {
				assertThat(context).as(bad).hasFailed();
				assertThat(context.getStartupFailure()).as(bad).hasStackTraceContaining("maximum-weight");
			});
		}
	}

	@Test
	void theWeightMetersAreInBytesOnlyWhenTheCacheIsBoundedByWeight() {
		runner.withPropertyValues("tagcache.maximum-weight=2MB").run(context -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(TagCacheMetrics.class).bindTo(registry);
			assertThat(registry.get("tagcache.weight").gauge().getId().getBaseUnit()).isEqualTo("bytes");
			assertThat(registry.get("tagcache.weight.max").gauge().value()).isEqualTo(2 * 1024 * 1024);
		});
		runner.run(context -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(TagCacheMetrics.class).bindTo(registry);
			assertThat(registry.get("tagcache.weight").gauge().getId().getBaseUnit()).isNull();
		});
	}

	@Test
	void anExecutorNamedForRefreshesRunsThemInPlaceOfTheStartersThreads() {
		List<Runnable> submitted = new CopyOnWriteArrayList<>();
		Executor own = task -> {
			submitted.add(task);
			task.run();
		};
		runner.withBean(TagCacheAutoConfiguration.REFRESH_EXECUTOR, Executor.class, () -> own).run(context -> {
			assertThat(context).doesNotHaveBean(RefreshThreads.class);
			TagCache cache = context.getBean(TagCache.class);
			cache.get("k", List.of("t"), CacheLife.HOURS, () -> "v");
			cache.revalidateTag("t", "max");
			cache.get("k", List.of("t"), CacheLife.HOURS, () -> "v2");
			assertThat(submitted).hasSize(1);
		});
	}

	@Test
	void aBadSettingStopsTheApplicationNamingIt() {
		runner.withPropertyValues("tagcache.refresh-threads=0").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("refreshThreads");
		});
	}

	@Test
	void aProfileWhoseExpireDoesNotExceedRevalidateIsRefused() {
		runner.withPropertyValues("tagcache.profiles.odd.revalidate=1m", "tagcache.profiles.odd.expire=30s")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("expire must exceed revalidate");
			});
	}

	@Test
	void theBuiltInProfilesCannotBeRedefined() {
		runner.withPropertyValues("tagcache.profiles.hours.revalidate=1m").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("'hours' is a built-in profile");
		});
	}

	@Test
	void theApplicationsOwnCacheWins() {
		runner.withUserConfiguration(OwnCache.class).run(context -> {
			assertThat(context).hasSingleBean(TagCache.class);
			assertThat(context.getBean(TagCache.class).instanceId()).isEqualTo("own");
		});
	}

	@Test
	void theApplicationsOwnBusAndBindingWin() {
		runner.withUserConfiguration(OwnBusAndBinding.class).run(context -> {
			assertThat(context.getBean(InvalidationBus.class)).isSameAs(OwnBusAndBinding.BUS);
			assertThat(context.getBean(CommitBinding.class)).isSameAs(CommitBinding.IMMEDIATE);
		});
	}

	@Test
	void theApplicationsOwnBusWinsOverTheRedisBusToo() {
		runner.withPropertyValues("tagcache.redis.uri=redis://127.0.0.1:1")
			.withUserConfiguration(OwnBusAndBinding.class)
			.run(context -> {
				assertThat(context).hasSingleBean(InvalidationBus.class).doesNotHaveBean(RedisInvalidationBus.class);
				assertThat(context.getBean(InvalidationBus.class)).isSameAs(OwnBusAndBinding.BUS);
			});
	}

	@Test
	void customizersRunAfterTheProperties() {
		runner.withPropertyValues("tagcache.instance-id=from-properties")
			.withBean(TagCacheBuilderCustomizer.class, () -> builder -> builder.instanceId("from-customizer"))
			.run(context -> assertThat(context.getBean(TagCache.class).instanceId()).isEqualTo("from-customizer"));
	}

	@Test
	void withoutAUriThereIsNoRedisBus() {
		runner.run(context -> assertThat(context).doesNotHaveBean(RedisInvalidationBus.class));
	}

	@Test
	void withoutTheRedisModuleAUriChangesNothing() {
		runner.withClassLoader(new FilteredClassLoader(RedisInvalidationBus.class))
			.withPropertyValues("tagcache.redis.uri=redis://127.0.0.1:18169")
			.run(context -> {
				assertThat(context).hasSingleBean(LocalInvalidationBus.class);
				assertThat(context.getBean(BusMonitor.class).type()).isEqualTo("local");
			});
	}

	@Test
	void aMutationRequestIsAnActionUnlessSwitchedOff() {
		WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(
				AutoConfigurations.of(TagCacheAutoConfiguration.class, TagCacheWebAutoConfiguration.class));
		web.run(context -> assertThat(context).hasBean(TagCacheWebAutoConfiguration.ACTION_SCOPE_FILTER)
			.getBean(TagCacheWebAutoConfiguration.ACTION_SCOPE_FILTER, FilterRegistrationBean.class)
			.extracting(FilterRegistrationBean::getFilter)
			.isInstanceOf(ActionScopeFilter.class));
		web.withPropertyValues("tagcache.action-scope.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean(TagCacheWebAutoConfiguration.ACTION_SCOPE_FILTER));
		runner.withConfiguration(AutoConfigurations.of(TagCacheWebAutoConfiguration.class))
			.run(context -> assertThat(context).doesNotHaveBean(TagCacheWebAutoConfiguration.ACTION_SCOPE_FILTER));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCache {

		@Bean
		TagCache ownCache() {
			return TagCache.builder().instanceId("own").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBusAndBinding {

		static final InvalidationBus BUS = new LocalInvalidationBus();

		@Bean
		InvalidationBus ownBus() {
			return BUS;
		}

		@Bean
		CommitBinding ownBinding() {
			return CommitBinding.IMMEDIATE;
		}

	}

}
