package io.ledgerline.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.config.SeedBeforeServing;

/**
 * Demo tickets, after the orgs and users exist (one lifecycle phase after the demo
 * seeder).
 *
 * <p>
 * An org is seeded only while it has no tickets at all, with its row locked so two
 * instances starting together cannot both seed it. Tickets have no natural key, and a
 * per-ticket "insert if absent" would bring back a demo ticket a user deleted on every
 * restart; this way a restart adds nothing once an org has any ticket, and edits stay.
 */
@Component
@Profile("demo")
class DemoTicketSeeder extends SeedBeforeServing {

	private static final Logger log = LoggerFactory.getLogger(DemoTicketSeeder.class);

	private record Seed(String title, String body, TicketStatus status, int hoursAgo) {
	}

	private static final List<Seed> ACME = List.of(
			new Seed("Cannot download INV-1042 as PDF",
					"The download button spins and nothing arrives. Chrome 131 on macOS.", TicketStatus.OPEN, 2),
			new Seed("Add our VAT number to invoice footers", "", TicketStatus.OPEN, 5),
			new Seed("Totals on the dashboard look off by a few cents",
					"After archiving INV-1017 the active total changed by 0.03 more than its amount.",
					TicketStatus.IN_PROGRESS, 26),
			new Seed("Invite Priya's new teammate", "Please add sam@acme.test as a member.", TicketStatus.IN_PROGRESS,
					30),
			new Seed("Customer name typo on INV-1008", "\"Initec\" should read \"Initech\".", TicketStatus.DONE, 72),
			new Seed("Export last quarter's invoices to CSV", "For the auditors, by Friday.", TicketStatus.DONE, 96));

	private static final List<Seed> GLOBEX = List.of(
			new Seed("Set up invoice numbering GLX-3000 onwards", "Starting next fiscal year.", TicketStatus.OPEN, 3),
			new Seed("Reminder emails go to spam", "", TicketStatus.IN_PROGRESS, 20),
			new Seed("Update billing address", "Moved to 42 Cypress Creek Rd.", TicketStatus.DONE, 50));

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final TicketRepository tickets;

	DemoTicketSeeder(JdbcClient jdbc, TicketRepository tickets, TransactionTemplate tx, Clock clock) {
		super(AFTER_INVOICES);
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.tx = tx;
		this.clock = clock;
	}

	/** Seeds what is absent (also called by tests to prove re-seeding adds nothing). */
	@Override
	protected void seed() {
		tx.executeWithoutResult(status -> {
			seed("acme", ACME);
			seed("globex", GLOBEX);
		});
	}

	private void seed(String orgId, List<Seed> seeds) {
		boolean orgExists = jdbc.sql("SELECT id FROM orgs WHERE id = ? FOR UPDATE")
			.param(orgId)
			.query(String.class)
			.optional()
			.isPresent();
		if (!orgExists) {
			return;
		}
		int existing = jdbc.sql("SELECT COUNT(*) FROM tickets WHERE org_id = ?")
			.param(orgId)
			.query(Integer.class)
			.single();
		if (existing > 0) {
			return;
		}
		Instant now = clock.instant();
		// Oldest first, so ids grow with creation time as they do for real tickets.
		for (int i = seeds.size() - 1; i >= 0; i--) {
			Seed seed = seeds.get(i);
			Instant created = now.minus(Duration.ofHours(seed.hoursAgo()));
			tickets.insert(orgId, new NewTicket(seed.title(), seed.body()), seed.status(), created, created);
		}
		log.info("Demo tickets ready for {}: {}", orgId, seeds.size());
	}

}
