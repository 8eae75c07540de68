package io.ledgerline.tagcache.spring.boot.autoconfigure;

import static io.ledgerline.tagcache.redis.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;
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
				assertThat(a).hasSingleBean(RedisInvalidationBus.class);
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

}
