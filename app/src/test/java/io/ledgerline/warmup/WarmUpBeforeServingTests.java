package io.ledgerline.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import io.ledgerline.config.SeedBeforeServing;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.SignedInWarmUp;

@IntegrationTest
class WarmUpBeforeServingTests {

	@Autowired
	WarmUpBeforeServing warmUp;

	@Autowired
	ApplicationAvailability availability;

	@Autowired
	TagCache cache;

	@Autowired
	JdbcClient jdbc;

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

	@Test
	void theSignedInPagesWereRenderedAndAnsweredForAnOrgThatCannotExistAndNothingOfItStayed() {
		WarmUpBeforeServing.Report report = warmUp.report();
		assertThat(report.signedInRounds()).as("every round ran the signed-in pages").isEqualTo(report.rounds());
		// Per round, for a member and an admin, twice each: the empty list, a list with
		// rows and a detail page, answered with their holes filled.
		assertThat(report.pagesAnswered()).isEqualTo(report.signedInRounds() * 2 * 2 * 3);
		// The renderer's own counter: the list (empty, and with rows) and the detail page
		// were rendered for each role in every round, the second time served from the
		// cache.
		assertThat(report.pagesRendered()).containsEntry("invoices/list", 4.0 * report.signedInRounds())
			.containsEntry("invoices/detail", 2.0 * report.signedInRounds());

		assertThat(SignedInWarmUp.ORG_ID).as("outside the org id format").doesNotMatch("[a-z0-9-]{1,40}");
		assertThat(report.discarded()).as("what the rounds cached was discarded").isPositive();
		assertThat(cache.discardKeysContaining(SignedInWarmUp.ORG_ID)).as("nothing of the org left in the cache")
			.isZero();
		for (String table : new String[] { "memberships", "invoices", "audit_log", "org_invoice_summaries",
				"invalidation_log", "comments", "tickets", "idempotency_keys" }) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE org_id = ?")
				.param(SignedInWarmUp.ORG_ID)
				.query(Long.class)
				.single()).as(table).isZero();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM orgs WHERE id = ?")
			.param(SignedInWarmUp.ORG_ID)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email LIKE ? OR id = -1")
			.param("%warm-up%")
			.query(Long.class)
			.single()).as("no user").isZero();
	}

}
