package io.ledgerline.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ledgerline.web.request-body.*}: how long a request body may take to arrive, and
 * how many request threads slow bodies may hold ({@link RequestBodyGuard}).
 *
 * @param deadline the most a body may take to arrive, counted from its request's headers;
 * a body still arriving after it is refused (408)
 * @param slowPerAddress how many requests from one client address may wait for their body
 * at once; another one is refused at once (429)
 * @param slowTotal how many requests from all addresses together may wait for their body
 * at once: the rest of the request threads stay free for everything else
 * @param maxSize the largest body accepted (it is held in memory until the request ends)
 */
@ConfigurationProperties("ledgerline.web.request-body")
record RequestBodyLimits(@DefaultValue("10s") Duration deadline, @DefaultValue("2") int slowPerAddress,
		@DefaultValue("4") int slowTotal, @DefaultValue("2MB") DataSize maxSize) {

	RequestBodyLimits {
		if (slowPerAddress < 1 || slowTotal < slowPerAddress) {
			throw new IllegalArgumentException("ledgerline.web.request-body: need 1 <= slow-per-address <= slow-total");
		}
	}

}
