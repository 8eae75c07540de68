package io.ledgerline.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What {@link RequestBodyGuard} is doing, under {@code /actuator/metrics}: {@value #SLOW}
 * (request threads waiting for a body right now) and {@value #REFUSED} (bodies refused,
 * by reason: no_slot, request_timeout, payload_too_large).
 */
final class SlowBodyMetrics {

	static final String SLOW = "ledgerline.request.body.slow";

	static final String REFUSED = "ledgerline.request.body.refused";

	private final MeterRegistry registry;

	SlowBodyMetrics(MeterRegistry registry, SlowBodySlots slots) {
		this.registry = registry;
		Gauge.builder(SLOW, slots, SlowBodySlots::held)
			.description("Request threads waiting for a request body still on its way")
			.register(registry);
	}

	void refused(String reason) {
		registry.counter(REFUSED, "reason", reason).increment();
	}

}
