package io.ledgerline.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ledgerline.support.IntegrationTest;

/** The demo profile (on in the test context) seeds tickets once. */
@IntegrationTest
class TicketDemoSeedTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoTicketSeeder seeder;

	@Test
	void acmeAndGlobexHaveTicketsInEveryStatus() {
		assertThat(count("acme")).isGreaterThanOrEqualTo(5);
		assertThat(statuses("acme")).containsExactlyInAnyOrder("open", "in_progress", "done");
		assertThat(count("globex")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void seedingAgainAddsNothing() {
		int acme = count("acme");
		int globex = count("globex");

		seeder.seed();

		assertThat(count("acme")).isEqualTo(acme);
		assertThat(count("globex")).isEqualTo(globex);
	}

	private int count(String orgId) {
		return jdbc.sql("SELECT COUNT(*) FROM tickets WHERE org_id = ?").param(orgId).query(Integer.class).single();
	}

	private List<String> statuses(String orgId) {
		return jdbc.sql("SELECT DISTINCT status FROM tickets WHERE org_id = ?").param(orgId).query(String.class).list();
	}

}
