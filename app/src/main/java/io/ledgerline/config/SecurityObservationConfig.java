package io.ledgerline.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes each filter of its chain, each authentication and each
 * authorization when an observation registry is present (Actuator brings one): some
 * thirty observation starts and stops on every request, for spans no tracing backend here
 * collects. The request itself is still observed once ({@code http.server.requests}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservationConfig {

	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

}
