package io.ledgerline.tagcache.spring.boot.autoconfigure;

import static io.ledgerline.tagcache.redis.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.LocalRefreshCoordinator;
import io.ledgerline.tagcache.RefreshCoordinator;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;
import io.ledgerline.tagcache.redis.RedisRefreshCoordinator;
import io.ledgerline.tagcache.redis.SharedValue;
import io.ledgerline.tagcache.redis.ValueCodec;
import io.ledgerline.tagcache.redis.testing.PrivateRedis;
import io.ledgerline.tagcache.testing.CountingLoader;

/**
 * {@code tagcache.redis.uri} alone puts two applications on one Redis bus: a write on one
 * expires the other's entry. A private redis-server (skipped when there is none, except
 * on CI).
 */
class TagCacheRedisAutoConfigurationTests {

	@RegisterExtension
	static final PrivateRedis redis = new PrivateRedis(Integer.getInteger("ledgerline.test.redis-port", 18160));

	@Test
	void aUriSwitchesTheRedisBusOnAndAnUpdateOnOneInstanceReachesTheOther() {
		String prefix = "starter-" + UUID.randomUUID() + ":";
		ApplicationContextRunner instance = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TagCacheRedisAutoConfiguration.class, TagCacheAutoConfiguration.class))
			.withPropertyValues("tagcache.redis.uri=" + redis.uri(), "tagcache.redis.prefix=" + prefix,
					"tagcache.redis.check-interval=100ms", "tagcache.redis.command-timeout=2s");
		instance.withPropertyValues("tagcache.instance-id=a").run(a -> {
			instance.withPropertyValues("tagcache.instance-id=b").run(b -> {
				assertThat(a).hasSingleBean(RedisInvalidationBus.class).doesNotHaveBean(RefreshCoordinator.class);
				BusMonitor busOfB = b.getBean(BusMonitor.class);
				assertThat(busOfB.type()).isEqualTo("redis");
				await("both connected", () -> a.getBean(BusMonitor.class).isConnected() && busOfB.isConnected());
				TagCache cacheOfA = a.getBean(TagCache.class);
				TagCache cacheOfB = b.getBean(TagCache.class);
				CountingLoader loader = new CountingLoader("note");
				cacheOfB.get("note:1", List.of("note:1"), CacheLife.DAYS, loader);

				try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
					cacheOfA.updateTag("note:1");
				}

				await("b received it", () -> busOfB.received() == 1);
				assertThat(cacheOfB.get("note:1", List.of("note:1"), CacheLife.DAYS, loader).value())
					.isEqualTo("note2");
				assertThat(busOfB.lastLag()).isNotNull();
			});
		});
	}

	@Test
	void withASharedValueBeanARevalidatedKeyIsRefreshedOnceForBothInstances() {
		String prefix = "starter-" + UUID.randomUUID() + ":";
		ApplicationContextRunner instance = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TagCacheRedisAutoConfiguration.class, TagCacheAutoConfiguration.class))
			.withUserConfiguration(SharedNotes.class)
			.withPropertyValues("tagcache.redis.uri=" + redis.uri(), "tagcache.redis.prefix=" + prefix,
					"tagcache.redis.check-interval=100ms", "tagcache.redis.command-timeout=2s",
					// Far longer than the test: a follower must take the result, not time
					// out.
					"tagcache.redis.refresh-lease=5m");
		CountingLoader loader = new CountingLoader("note");
		instance.withPropertyValues("tagcache.instance-id=a").run(a -> {
			instance.withPropertyValues("tagcache.instance-id=b").run(b -> {
				assertThat(a).hasSingleBean(RedisRefreshCoordinator.class);
				BusMonitor busOfB = b.getBean(BusMonitor.class);
				await("both connected", () -> a.getBean(BusMonitor.class).isConnected() && busOfB.isConnected());
				TagCache cacheOfA = a.getBean(TagCache.class);
				TagCache cacheOfB = b.getBean(TagCache.class);
				cacheOfA.get("note:1", List.of("note:1"), CacheLife.HOURS, loader);
				cacheOfB.get("note:1", List.of("note:1"), CacheLife.HOURS, loader);
				assertThat(loader.calls()).isEqualTo(2);

				cacheOfA.revalidateTag("note:1", "hours");
				await("b heard it", () -> busOfB.received() == 1);
				await("both serve the refreshed note",
						() -> cacheOfA.get("note:1", List.of("note:1"), CacheLife.HOURS, loader).value().equals("note3")
								&& cacheOfB.get("note:1", List.of("note:1"), CacheLife.HOURS, loader)
									.value()
									.equals("note3"));
				assertThat(loader.calls()).as("one refresh for the two").isEqualTo(3);
			});
		});
	}

	@Test
	void theApplicationsOwnRefreshCoordinatorWins() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TagCacheRedisAutoConfiguration.class, TagCacheAutoConfiguration.class))
			.withUserConfiguration(SharedNotes.class)
			.withBean(LocalRefreshCoordinator.class,
					() -> new LocalRefreshCoordinator(Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofSeconds(15)))
			.withPropertyValues("tagcache.redis.uri=" + redis.uri())
			.run(context -> assertThat(context).hasSingleBean(RefreshCoordinator.class)
				.doesNotHaveBean(RedisRefreshCoordinator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class SharedNotes {

		@Bean
		SharedValue<String> sharedNotes() {
			return new SharedValue<>("note:", ValueCodec.utf8());
		}

	}

}
