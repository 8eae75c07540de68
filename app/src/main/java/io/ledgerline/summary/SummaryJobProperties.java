package io.ledgerline.summary;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledgerline.jobs.summary.*}: the recompute queue's limit and retries, and the
 * recurring reconciliation (on by default, nightly).
 *
 * @param concurrency how many recomputes may run at once, across all instances
 * @param retryDelay how long after a failure the runner tries again
 * @param maxRetries failures after which a run is given up (and stays in the job log)
 * @param busyDelay how long a recompute that found the queue full waits before trying
 * again
 */
@ConfigurationProperties("ledgerline.jobs.summary")
record SummaryJobProperties(@DefaultValue("2") int concurrency, @DefaultValue("30s") Duration retryDelay,
		@DefaultValue("10") int maxRetries, @DefaultValue("1s") Duration busyDelay,
		@DefaultValue Reconciliation reconciliation) {

	/**
	 * @param enabled whether every org's summary is recomputed on a schedule
	 * @param cron when (seconds, minutes, hours, day of month, month, day of week)
	 */
	record Reconciliation(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 3 * * *") String cron) {
	}

}
