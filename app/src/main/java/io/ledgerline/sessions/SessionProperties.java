package io.ledgerline.sessions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledgerline.sessions.*}: shared sessions in the {@code cluster} profile.
 *
 * @param timeout how long a session lives without a request
 * @param touchInterval the last access is written at most this often (a session is
 * otherwise written only when it changes), so a session may end up to this much sooner
 * than its timeout after its last request
 * @param cleanupInterval how often expired sessions are deleted (on one instance, by the
 * job runner)
 */
@ConfigurationProperties("ledgerline.sessions")
record SessionProperties(@DefaultValue("30m") Duration timeout, @DefaultValue("1m") Duration touchInterval,
		@DefaultValue("1m") Duration cleanupInterval) {

	SessionProperties {
		if (timeout.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("ledgerline.sessions.timeout must be at least 1m, was " + timeout);
		}
		if (touchInterval.isNegative() || touchInterval.compareTo(timeout.dividedBy(2)) > 0) {
			throw new IllegalArgumentException("ledgerline.sessions.touch-interval must be between 0 and half the"
					+ " timeout, was " + touchInterval);
		}
		if (cleanupInterval.isZero() || cleanupInterval.isNegative()) {
			throw new IllegalArgumentException("ledgerline.sessions.cleanup-interval must be positive");
		}
	}

}
