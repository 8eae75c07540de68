package io.ledgerline.sessions;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.tagcache.TagCache;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code cluster} profile's sessions: Spring Session's filter over
 * {@link CachedSessionRepository}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cluster")
@EnableConfigurationProperties(SessionProperties.class)
@EnableSpringHttpSession
class SessionConfig {

	static final String CLEANUP_TASK = "expired-session-cleanup";

	@Bean
	SessionRows sessionRows(JdbcClient jdbc) {
		return new SessionRows(jdbc);
	}

	@Bean
	SessionMetrics sessionMetrics(MeterRegistry registry) {
		return new SessionMetrics(registry);
	}

	@Bean
	CachedSessionRepository sessionRepository(TagCache cache, SessionRows rows, PlatformTransactionManager transactions,
			Clock clock, SessionProperties properties, SessionMetrics metrics) {
		// Java serialization, as Spring Session JDBC writes its attributes.
		SerializingConverter serializer = new SerializingConverter();
		DeserializingConverter deserializer = new DeserializingConverter(SessionConfig.class.getClassLoader());
		return new CachedSessionRepository(cache, rows, new TransactionTemplate(transactions), clock, properties,
				serializer::convert, deserializer::convert, metrics);
	}

	@Bean
	ExpiredSessionCleanup expiredSessionCleanup(SessionRows rows, Clock clock) {
		return new ExpiredSessionCleanup(rows, clock);
	}

	/** On the job runner: one instance at a time, and the schedule survives restarts. */
	@Bean
	RecurringTask<Void> expiredSessionCleanupTask(ExpiredSessionCleanup cleanup, SessionProperties properties) {
		return Tasks.recurring(CLEANUP_TASK, Schedules.fixedDelay(properties.cleanupInterval()))
			.execute((instance, context) -> cleanup.run());
	}

}
