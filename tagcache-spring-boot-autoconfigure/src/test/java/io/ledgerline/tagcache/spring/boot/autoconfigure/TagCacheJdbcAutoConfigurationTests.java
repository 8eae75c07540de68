package io.ledgerline.tagcache.spring.boot.autoconfigure;

import static io.ledgerline.tagcache.redis.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.tagcache.InvalidationBus;
import io.ledgerline.tagcache.InvalidationRecorder;
import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.LocalInvalidationBus;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.jdbc.InvalidationJournal;
import io.ledgerline.tagcache.jdbc.JournalFollower;
import io.ledgerline.tagcache.jdbc.JournalPruner;
import io.ledgerline.tagcache.jdbc.JournalRecorder;
import io.ledgerline.tagcache.jdbc.PositionListener;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;
import io.ledgerline.tagcache.redis.testing.PrivateRedis;

/**
 * {@code tagcache.jdbc.enabled} with a {@code DataSource} (an embedded H2 with the
 * shipped schema) makes the journal, its recorder and pruning, and with
 * {@code tagcache.redis.uri} the follower as the one bus; the application's own beans
 * win; without the property nothing of it exists. A private redis-server (skipped when
 * there is none, except on CI).
 */
class TagCacheJdbcAutoConfigurationTests {

	@RegisterExtension
	static final PrivateRedis redis = new PrivateRedis(Integer.getInteger("ledgerline.test.redis-port", 18160) + 2);

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TagCacheJdbcAutoConfiguration.class,
				TagCacheRedisAutoConfiguration.class, TagCacheAutoConfiguration.class))
		.withUserConfiguration(Database.class);

	@Test
	void propertiesAloneMakeTheJournalTheRecorderAndTheFollowerAsTheOneBus() {
		runner
			.withPropertyValues("tagcache.jdbc.enabled=true", "tagcache.instance-id=a",
					"tagcache.redis.uri=" + redis.uri(), "tagcache.redis.prefix=" + redis.prefix(),
					"tagcache.redis.check-interval=100ms", "tagcache.redis.command-timeout=2s")
			.run(context -> {
				assertThat(context).hasSingleBean(InvalidationJournal.class)
					.hasSingleBean(JournalRecorder.class)
					.hasSingleBean(JournalPruner.class)
					.hasBean(TagCacheJdbcAutoConfiguration.PRUNING_SCHEDULE)
					.hasSingleBean(JournalFollower.class)
					.hasSingleBean(InvalidationBus.class)
					.doesNotHaveBean(RedisInvalidationBus.class);
				assertThat(context.getBean(InvalidationBus.class)).isSameAs(context.getBean(JournalFollower.class));
				assertThat(context.getBean(TagCache.class).instanceId()).isEqualTo("a");

				BusMonitor monitor = context.getBean(BusMonitor.class);
				assertThat(monitor.type()).isEqualTo("journal+redis");
				await("the follower connected", monitor::isConnected);
				redis.stop();
				try {
					await("the follower's outage reported", () -> !monitor.isConnected());
					assertThat(context.getBean(JournalFollower.class).ageLimit()).as("the stale bound").isNotNull();
				}
				finally {
					redis.restart();
				}
				await("the follower back", monitor::isConnected);
			});
	}

	@Test
	void withoutRedisTheJournalIsWrittenAndTheLocalBusStays() {
		runner.withPropertyValues("tagcache.jdbc.enabled=true").run(context -> {
			assertThat(context).hasSingleBean(JournalRecorder.class).doesNotHaveBean(JournalFollower.class);
			assertThat(context.getBean(InvalidationBus.class)).isInstanceOf(LocalInvalidationBus.class);
		});
	}

	@Test
	void theApplicationsOwnBeansWin() {
		runner.withPropertyValues("tagcache.jdbc.enabled=true").withUserConfiguration(OwnBeans.class).run(context -> {
			assertThat(context.getBean(InvalidationJournal.class)).isSameAs(context.getBean(OwnBeans.class).journal);
			assertThat(context).doesNotHaveBean(JournalRecorder.class).hasSingleBean(InvalidationRecorder.class);
			assertThat(context.getBean(TagCacheJdbcAutoConfiguration.PRUNING_SCHEDULE)).isEqualTo("on my job runner");
		});
	}

	@Test
	void withoutThePropertyThereIsNoJournal() {
		runner.withPropertyValues("tagcache.redis.uri=" + redis.uri()).run(context -> {
			assertThat(context).doesNotHaveBean(InvalidationJournal.class)
				.doesNotHaveBean(JournalRecorder.class)
				.doesNotHaveBean(JournalPruner.class)
				.doesNotHaveBean(JournalFollower.class)
				.doesNotHaveBean(TagCacheJdbcAutoConfiguration.PRUNING_SCHEDULE)
				.hasSingleBean(RedisInvalidationBus.class);
		});
	}

	@Test
	void aGapTimeoutAboveHalfTheRetentionStopsTheStartWithThePropertysName() {
		runner
			.withPropertyValues("tagcache.jdbc.enabled=true", "tagcache.jdbc.retention=10m",
					"tagcache.jdbc.gap-timeout=6m")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("tagcache.jdbc")
				.hasMessageContaining("gap-timeout must be positive and at most half the retention"));
	}

	@Test
	void theGapTimeoutDefaultsToAMinuteOrHalfAShorterRetention() {
		runner.withPropertyValues("tagcache.jdbc.enabled=true", "tagcache.jdbc.retention=90s").run(context -> {
			TagCacheProperties.Jdbc jdbc = context.getBean(TagCacheProperties.class).jdbc();
			assertThat(jdbc.gapTimeoutOrDefault()).hasSeconds(45);
		});
		runner.withPropertyValues("tagcache.jdbc.enabled=true").run(context -> {
			TagCacheProperties.Jdbc jdbc = context.getBean(TagCacheProperties.class).jdbc();
			assertThat(jdbc.gapTimeoutOrDefault()).hasMinutes(1);
		});
	}

	@Test
	void aWriteRecordsItsRowsInItsTransactionAndTheyRollBackWithIt() {
		runner.withPropertyValues("tagcache.jdbc.enabled=true").withUserConfiguration(Listening.class).run(context -> {
			TagCache cache = context.getBean(TagCache.class);
			InvalidationJournal journal = context.getBean(InvalidationJournal.class);
			TransactionTemplate transactions = new TransactionTemplate(
					context.getBean(PlatformTransactionManager.class));
			List<Long> heard = context.getBean(Listening.class).heard;

			transactions.executeWithoutResult(status -> {
				update(cache, "note:1");
				status.setRollbackOnly();
			});
			assertThat(journal.head()).as("rolled back with the write").isZero();

			transactions.executeWithoutResult(status -> update(cache, "note:2"));
			assertThat(journal.head()).isEqualTo(2);
			assertThat(heard).as("the listener hears each append's position").containsExactly(1L, 2L);
		});
	}

	static void update(TagCache cache, String tag) {
		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			cache.updateTag(tag);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Database {

		@Bean(destroyMethod = "shutdown")
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
				.setName("journal-" + UUID.randomUUID())
				.addScript("META-INF/tagcache/jdbc/schema.sql")
				.build();
		}

		@Bean
		PlatformTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		final InvalidationJournal journal;

		OwnBeans(DataSource dataSource) {
			this.journal = InvalidationJournal.of(dataSource);
		}

		@Bean
		InvalidationJournal ownJournal() {
			return journal;
		}

		@Bean
		InvalidationRecorder ownRecorder() {
			return InvalidationRecorder.NONE;
		}

		@Bean(TagCacheJdbcAutoConfiguration.PRUNING_SCHEDULE)
		String ownPruning() {
			return "on my job runner";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Listening {

		final List<Long> heard = new CopyOnWriteArrayList<>();

		@Bean
		PositionListener listener() {
			return heard::add;
		}

	}

}
