package io.ledgerline.jobs;

import java.util.Optional;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Wiring of db-scheduler. The starter builds the executing scheduler from every
 * {@link Task} bean (unless {@code db-scheduler.enabled=false}); this adds the payload
 * format and a client that enqueues whether or not this instance executes jobs.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfig {

	static final Serializer PAYLOADS = new TextPayloadSerializer();

	@Bean
	DbSchedulerCustomizer dbSchedulerCustomizer() {
		return new DbSchedulerCustomizer() {
			@Override
			public Optional<Serializer> serializer() {
				return Optional.of(PAYLOADS);
			}
		};
	}

	@Bean
	JobSubmitter jobSubmitter(DataSource dataSource, ObjectProvider<Task<?>> tasks,
			ObjectProvider<Scheduler> executingScheduler) {
		// Through this instance's own scheduler when it runs one (with immediate
		// execution on, a due job then starts without waiting for the next poll);
		// otherwise through a plain client on the same table. Transaction-aware, like the
		// starter's scheduler: a job enqueued inside a transaction is enqueued with it.
		return new JobSubmitter(() -> {
			Scheduler local = executingScheduler.getIfAvailable();
			if (local != null) {
				return local;
			}
			return SchedulerClient.Builder
				.create(new TransactionAwareDataSourceProxy(dataSource), tasks.orderedStream().toList())
				.serializer(PAYLOADS)
				.build();
		});
	}

}
