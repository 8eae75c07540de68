package io.ledgerline.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.config.SeedBeforeServing;
import io.ledgerline.config.Timestamps;
import io.ledgerline.invoices.InvoiceSearchIndex;
import io.ledgerline.invoices.NewInvoiceLine;
import io.ledgerline.summary.SummaryRepository;

/**
 * The demo data of the contract. Every insert is "if absent", so starting again on an
 * existing database adds nothing and changes nothing a user has edited.
 */
@Component
@Profile("demo")
class DemoDataSeeder extends SeedBeforeServing {

	private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

	static final String PASSWORD = "demo";

	private static final List<String> CUSTOMERS = List.of("Massive Dynamic", "Initech", "Umbrella Health",
			"Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Imports", "Soylent Foods", "Tyrell Systems",
			"Cyberdyne Labs", "Wonka Confectionery", "Oceanic Airlines");

	private static final List<String> STATUSES = List.of("draft", "sent", "paid", "void");

	/**
	 * The orgs' payment terms (the schema's default): sent invoices issued before
	 * November are overdue.
	 */
	private static final int NET_DAYS = 30;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final SummaryRepository summaries;

	private final TransactionTemplate tx;

	private final InvoiceSearchIndex searchIndex;

	private final Clock clock;

	DemoDataSeeder(JdbcClient jdbc, PasswordEncoder passwords, SummaryRepository summaries, TransactionTemplate tx,
			InvoiceSearchIndex searchIndex, Clock clock) {
		super(ORGS_AND_INVOICES);
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.summaries = summaries;
		this.tx = tx;
		this.searchIndex = searchIndex;
		this.clock = clock;
	}

	/** Seeds what is absent (also called by tests to prove re-seeding adds nothing). */
	@Override
	protected void seed() {
		tx.executeWithoutResult(status -> seedAbsent());
	}

	private void seedAbsent() {
		OffsetDateTime now = Timestamps.toDb(clock.instant());
		org("acme", "Acme Corp", now);
		org("globex", "Globex", now);

		String hash = passwords.encode(PASSWORD);
		user("dana@acme.test", "Dana Whitfield", hash);
		user("priya@acme.test", "Priya Raman", hash);
		user("olga@multi.test", "Olga Novak", hash);
		user("hank@globex.test", "Hank Scorpio", hash);
		membership("dana@acme.test", "acme", "admin");
		membership("priya@acme.test", "acme", "member");
		membership("olga@multi.test", "acme", "member");
		membership("hank@globex.test", "globex", "admin");
		membership("olga@multi.test", "globex", "admin");

		Random random = new Random(1042);
		for (int n = 1001; n <= 1060; n++) {
			if (n == 1042) {
				// Net 90 on this one: the design sketch's invoice is sent and not yet due
				// on the demo date (2026-12-06), while older sent ones are overdue.
				invoice("acme", "INV-1042", "Acme Corp", "sent", LocalDate.of(2026, 10, 14), 90, now,
						List.of(new Line("Platform subscription (annual)", "1", "4800.00"),
								new Line("Implementation and data migration", "40", "150.00"),
								new Line("On-site training workshop", "1", "1200.00")));
			}
			else {
				generated("acme", "INV-" + n, n - 1000, random, now);
			}
		}
		for (int n = 2001; n <= 2020; n++) {
			generated("globex", "GLX-" + n, n - 2000, random, now);
		}
		summaries.recompute("acme");
		summaries.recompute("globex");
		// Passwords never go to the log, not even the demo one (it is in the README).
		log.info("Demo data ready: orgs acme and globex; sign in as dana@acme.test (see README)");
	}

	private void generated(String orgId, String number, int ordinal, Random random, OffsetDateTime now) {
		String customer = CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
		String status = STATUSES.get(random.nextInt(STATUSES.size()));
		int lineCount = 1 + random.nextInt(3);
		List<Line> lines = new java.util.ArrayList<>();
		for (int i = 1; i <= lineCount; i++) {
			BigDecimal price = BigDecimal.valueOf(5_000 + random.nextInt(500_000), 2);
			lines.add(new Line("Services, part " + i, Integer.toString(1 + random.nextInt(4)), price.toPlainString()));
		}
		invoice(orgId, number, customer, status, LocalDate.of(2026, 1, 1).plusDays(ordinal * 4L), NET_DAYS, now, lines);
	}

	private void org(String id, String name, OffsetDateTime now) {
		jdbc.sql("INSERT INTO orgs (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(id, name, now)
			.update();
	}

	private void user(String email, String displayName, String hash) {
		jdbc.sql("INSERT INTO users (email, display_name, password_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(email, displayName, hash)
			.update();
	}

	private void membership(String email, String orgId, String role) {
		jdbc.sql("""
				INSERT INTO memberships (user_id, org_id, role)
				SELECT id, ?, ? FROM users WHERE email = ? ON CONFLICT DO NOTHING""")
			.params(orgId, role, email)
			.update();
	}

	private void invoice(String orgId, String number, String customer, String status, LocalDate issuedOn, int netDays,
			OffsetDateTime now, List<Line> lines) {
		BigDecimal total = NewInvoiceLine.total(lines.stream().map(Line::amount));
		int inserted = jdbc
			.sql("""
					INSERT INTO invoices (org_id, invoice_number, customer_name, status, total, issued_on, due_on, version, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT DO NOTHING""")
			.params(orgId, number, customer, status, total, issuedOn, issuedOn.plusDays(netDays), now, now)
			.update();
		if (inserted == 0) {
			return;
		}
		long id = jdbc.sql("SELECT id FROM invoices WHERE org_id = ? AND invoice_number = ?")
			.params(orgId, number)
			.query(Long.class)
			.single();
		searchIndex.add(orgId, id, number, customer);
		int lineNo = 1;
		for (Line line : lines) {
			jdbc.sql("""
					INSERT INTO invoice_lines (invoice_id, line_no, description, quantity, unit_price, amount)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(id, lineNo++, line.description(), line.quantity(), line.unitPrice(), line.amount())
				.update();
		}
	}

	private record Line(String description, BigDecimal quantity, BigDecimal unitPrice) {

		Line(String description, String quantity, String unitPrice) {
			this(description, new BigDecimal(quantity).setScale(2), new BigDecimal(unitPrice).setScale(2));
		}

		BigDecimal amount() {
			return NewInvoiceLine.amount(quantity, unitPrice);
		}

	}

}
