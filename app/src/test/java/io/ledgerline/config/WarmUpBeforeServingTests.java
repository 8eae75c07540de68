package io.ledgerline.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import io.ledgerline.support.IntegrationTest;

@IntegrationTest
class WarmUpBeforeServingTests {

	@Autowired
	WarmUpBeforeServing warmUp;

	@Autowired
	ApplicationAvailability availability;

	@Test
	void theInstanceWarmedUpThroughItsWholeStackBeforeItsPortOpenedAndBeforeItWasReady() {
		WarmUpBeforeServing.Report report = warmUp.report();
		assertThat(report).as("the warm-up ran").isNotNull();
		assertThat(report.rounds()).isPositive();
		assertThat(report.firstRound()).as("every request answered as the app answers it")
			.containsExactlyElementsOf(
					WarmUpBeforeServing.ROUND.stream().map(WarmUpBeforeServing.Ask::expected).toList());

		// Lifecycle phases start in order: after the seeds, before the web server opens
		// its port.
		assertThat(warmUp.getPhase()).isGreaterThan(SeedBeforeServing.AFTER_INVOICES)
			.isLessThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);

		AvailabilityChangeEvent<ReadinessState> ready = availability.getLastChangeEvent(ReadinessState.class);
		assertThat(ready.getState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(ready.getTimestamp()).as("ready only after the warm-up")
			.isGreaterThanOrEqualTo(report.finishedAtMillis());
	}

}
