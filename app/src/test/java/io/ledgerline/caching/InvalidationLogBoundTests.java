package io.ledgerline.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ledgerline.support.IntegrationTest;
import io.ledgerline.tagcache.InvalidationEvent;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.Primitive;

/**
 * The inspector's log keeps each org's newest entries and no more, however many writes
 * come: the bound holds per org, and one org's traffic never trims another's tail.
 */
@IntegrationTest
class InvalidationLogBoundTests {

	/** The setting's default. */
	static final int KEEP = 300;

	@Autowired
	InvalidationLog log;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachOrgKeepsItsNewestEntriesWithinTheBound() {
		String busy = "busy-" + UUID.randomUUID().toString().substring(0, 8);
		String quiet = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 10; i++) {
			log.onInvalidation(event(quiet, i));
		}

		for (int i = 0; i < 1_000; i++) {
			log.onInvalidation(event(busy, i));
		}

		assertThat(rows(busy)).as("at most one trim's worth above the bound")
			.isBetween((long) KEEP, (long) KEEP + InvalidationLog.TRIM_EVERY);
		assertThat(log.recentFor(busy, 1).get(0).target()).as("the newest entry is kept")
			.isEqualTo("org:" + busy + ":invoice:999");
		assertThat(log.recentFor(busy, KEEP)).hasSize(KEEP);
		assertThat(rows(quiet)).as("another org's entries are its own").isEqualTo(10);
	}

	private long rows(String orgId) {
		return jdbc.sql("SELECT COUNT(*) FROM invalidation_log WHERE org_id = ?")
			.param(orgId)
			.query(Long.class)
			.single();
	}

	private static InvalidationEvent event(String orgId, int n) {
		return new InvalidationEvent(Primitive.UPDATE_TAG, "org:" + orgId + ":invoice:" + n, InvocationSource.ACTION,
				Instant.parse("2026-12-06T00:00:00Z"), "test", null);
	}

}
