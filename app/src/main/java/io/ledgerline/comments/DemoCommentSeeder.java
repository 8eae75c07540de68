package io.ledgerline.comments;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.config.SeedBeforeServing;
import io.ledgerline.config.Timestamps;

/**
 * INV-1042's dispute thread. Seeded before the server accepts requests, in a lifecycle
 * phase after the invoices' seed (which must exist first). Every demo comment has a fixed
 * id derived from its position, and is inserted only if absent, so seeding again adds
 * nothing.
 */
@Component
@Profile("demo")
class DemoCommentSeeder extends SeedBeforeServing {

	private static final Logger log = LoggerFactory.getLogger(DemoCommentSeeder.class);

	static final String INVOICE = "INV-1042";

	static final int COUNT = 66;

	private static final String DANA = "dana@acme.test";

	private static final String PRIYA = "priya@acme.test";

	private static final String OLGA = "olga@multi.test";

	/** The newest four, newest first, as in the design sketch. */
	private static final List<Seed> NEWEST = List.of(
			new Seed(DANA, "Agreed. I'll send the corrected PDF to their AP team this afternoon."),
			new Seed(PRIYA, "Their controller confirmed on the call: the 40 hours stand, the workshop date moves."),
			new Seed(DANA, "Can someone confirm the implementation hours with them before we resend?"),
			new Seed(OLGA, "Customer disputes line 2: they say the migration took 32 hours, not 40."));

	private static final List<String> AUTHORS = List.of(DANA, PRIYA, OLGA);

	private static final List<String> OLDER = List.of("Sent to the customer's billing inbox.",
			"They asked for the PO number on the invoice; added it to the notes.",
			"Timesheets for the migration are attached to the project folder.", "Reminder went out, no answer yet.",
			"Their AP team says the invoice is in the approval queue.",
			"Checked the subscription line against the contract: 4,800.00 is right.",
			"The workshop is booked for the 3rd; the line stays as it is.",
			"They want the training split into two sessions. Same price?", "Same price, confirmed with sales.",
			"Asked for a copy of the signed order form.", "Order form received and filed.",
			"Following up again next week.");

	private record Seed(String author, String body) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	DemoCommentSeeder(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
		super(AFTER_INVOICES);
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
	}

	/** Seeds what is absent (also called by tests to prove re-seeding adds nothing). */
	@Override
	protected void seed() {
		Integer stored = tx.execute(status -> seedAbsent());
		if (stored != null && stored > 0) {
			log.info("Demo comments ready: {} on {}", stored, INVOICE);
		}
	}

	private int seedAbsent() {
		var invoiceId = jdbc.sql("SELECT id FROM invoices WHERE org_id = 'acme' AND invoice_number = ?")
			.param(INVOICE)
			.query(Long.class)
			.optional();
		if (invoiceId.isEmpty()) {
			return 0;
		}
		Instant newest = clock.instant().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(7));
		int stored = 0;
		for (int age = 0; age < COUNT; age++) {
			Seed seed = age < NEWEST.size() ? NEWEST.get(age)
					: new Seed(AUTHORS.get(age % AUTHORS.size()), OLDER.get(age % OLDER.size()));
			Instant at = newest.minus(Duration.ofMinutes(95L * age));
			int inserted = jdbc.sql("""
					INSERT INTO comments (id, org_id, invoice_id, author_id, body, created_at)
					SELECT ?, 'acme', ?, u.id, ?, ? FROM users u WHERE u.email = ?
					ON CONFLICT DO NOTHING""")
				.params(idOf(age), invoiceId.get(), seed.body(), Timestamps.toDb(at), seed.author())
				.update();
			if (inserted == 1) {
				// Like every stored comment, a demo one has its audit row.
				jdbc.sql("""
						INSERT INTO audit_log (org_id, actor_id, action, subject_type, subject_id, detail, occurred_at)
						SELECT 'acme', u.id, ?, 'comment', ?, ?, ? FROM users u WHERE u.email = ?""")
					.params(CommentService.AUDIT_ACTION, idOf(age).toString(), "on " + INVOICE + " (demo seed)",
							Timestamps.toDb(at), seed.author())
					.update();
			}
			stored += inserted;
		}
		return stored;
	}

	/** Fixed per position, so a second run finds every demo comment already there. */
	static UUID idOf(int age) {
		return UUID
			.nameUUIDFromBytes(("ledgerline-demo-comment:" + INVOICE + ":" + age).getBytes(StandardCharsets.UTF_8));
	}

}
