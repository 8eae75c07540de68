package io.ledgerline.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.ledgerline.invoices.InvoiceSearchIndex;
import io.ledgerline.tagcache.testing.ManualClock;

/**
 * Test data that belongs to one test: a fresh org with its own users and invoices, so
 * tests never depend on each other's writes (nor on the order they run in, nor on the
 * database being empty).
 */
public class Fixtures {

	public static final String PASSWORD = "demo";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final JdbcClient jdbc;

	private final ManualClock clock;

	private final String passwordHash;

	private final InvoiceSearchIndex searchIndex;

	Fixtures(JdbcClient jdbc, PasswordEncoder passwords, ManualClock clock, InvoiceSearchIndex searchIndex) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.searchIndex = searchIndex;
		this.passwordHash = passwords.encode(PASSWORD);
	}

	public record TestOrg(String id, String admin, String member) {
	}

	public record TestInvoice(long id, String number, String orgId) {
	}

	/** An org with one admin and one member (emails unique to this org). */
	public TestOrg org() {
		String id = "t" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO orgs (id, name, created_at) VALUES (?, ?, ?)").params(id, "Org " + id, now()).update();
		jdbc.sql(
				"INSERT INTO org_invoice_summaries (org_id, active_count, active_total, updated_at) VALUES (?, 0, 0, ?)")
			.params(id, now())
			.update();
		String admin = "admin@" + id + ".test";
		String member = "member@" + id + ".test";
		user(admin, id, "admin");
		user(member, id, "member");
		return new TestOrg(id, admin, member);
	}

	public void user(String email, String orgId, String role) {
		jdbc.sql("INSERT INTO users (email, display_name, password_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(email, email.substring(0, email.indexOf('@')), passwordHash)
			.update();
		jdbc.sql("INSERT INTO memberships (user_id, org_id, role) SELECT id, ?, ? FROM users WHERE email = ?")
			.params(orgId, role, email)
			.update();
	}

	public long userId(String email) {
		return jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
	}

	public TestInvoice invoice(TestOrg org, String total) {
		return invoice(org.id(), total);
	}

	/** An active draft invoice at version 1; the org's stored summary is kept in step. */
	public TestInvoice invoice(String orgId, String total) {
		return invoice(orgId, total, "Fixture Customer");
	}

	/**
	 * {@link #invoice(String, String)} for {@code customerName}, found by search like one
	 * the app made.
	 */
	public TestInvoice invoice(String orgId, String total, String customerName) {
		String number = "T-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 4);
		jdbc.sql(
				"""
						INSERT INTO invoices (org_id, invoice_number, customer_name, status, total, issued_on, due_on, version, created_at, updated_at)
						VALUES (?, ?, ?, 'draft', ?, ?, ?, 1, ?, ?)""")
			.params(orgId, number, customerName, new BigDecimal(total), LocalDate.of(2026, 11, 1),
					LocalDate.of(2026, 12, 1), now(), now())
			.update();
		long id = jdbc.sql("SELECT id FROM invoices WHERE org_id = ? AND invoice_number = ?")
			.params(orgId, number)
			.query(Long.class)
			.single();
		searchIndex.add(orgId, id, number, customerName);
		jdbc.sql("""
				UPDATE org_invoice_summaries SET active_count = active_count + 1, active_total = active_total + ?
				WHERE org_id = ?""").params(new BigDecimal(total), orgId).update();
		return new TestInvoice(id, number, orgId);
	}

	public InvoiceRow row(long id) {
		return jdbc.sql("""
				SELECT customer_name, status, total, version, archived_at, deleted_at FROM invoices WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new InvoiceRow(rs.getString("customer_name"), rs.getString("status"),
					rs.getBigDecimal("total"), rs.getLong("version"), rs.getObject("archived_at") != null,
					rs.getObject("deleted_at") != null))
			.single();
	}

	public record InvoiceRow(String customerName, String status, BigDecimal total, long version, boolean archived,
			boolean deleted) {
	}

	public int auditRows(long invoiceId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE subject_type = 'invoice' AND subject_id = ?")
			.param(Long.toString(invoiceId))
			.query(Integer.class)
			.single();
	}

	public int auditRows(long invoiceId, String action) {
		return jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE subject_type = 'invoice' AND subject_id = ? AND action = ?")
			.params(Long.toString(invoiceId), action)
			.query(Integer.class)
			.single();
	}

	/**
	 * Sets status and due date behind the app's back (a starting point, not an edit: no
	 * version bump, no invalidation, so call it before the first read).
	 */
	public void statusAndDue(long invoiceId, String status, LocalDate dueOn) {
		jdbc.sql("UPDATE invoices SET status = ?, due_on = ?, issued_on = LEAST(issued_on, ?) WHERE id = ?")
			.params(status, dueOn, dueOn, invoiceId)
			.update();
	}

	/** The invoice's lines as "description amount", in order. */
	public java.util.List<String> lines(long invoiceId) {
		return jdbc.sql("SELECT description, amount FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no")
			.param(invoiceId)
			.query((rs, n) -> rs.getString("description") + " " + rs.getBigDecimal("amount").toPlainString())
			.list();
	}

	/** Bumps the row's version behind everyone's back, as another tab's save would. */
	public void drift(long invoiceId) {
		jdbc.sql("UPDATE invoices SET version = version + 1 WHERE id = ?").param(invoiceId).update();
	}

	/**
	 * A ticket of the org, numbered as the app numbers it (the org's ticket counter);
	 * returns its id.
	 */
	public long ticket(String orgId, String title, String status) {
		OffsetDateTime now = now();
		jdbc.sql("UPDATE orgs SET last_ticket_no = last_ticket_no + 1 WHERE id = ?").param(orgId).update();
		jdbc.sql("""
				INSERT INTO tickets (org_id, ticket_no, title, body, status, created_at, updated_at)
				VALUES (?, (SELECT last_ticket_no FROM orgs WHERE id = ?), ?, 'Fixture body', ?, ?, ?)""")
			.params(orgId, orgId, title, status, now, now)
			.update();
		return jdbc.sql("SELECT MAX(id) FROM tickets WHERE org_id = ?").param(orgId).query(Long.class).single();
	}

	/**
	 * A comment on the invoice by the org's member, stored at {@code at} with its audit
	 * row, as the app stores one; returns its id.
	 */
	public UUID comment(TestOrg org, TestInvoice invoice, String body, Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO comments (id, org_id, invoice_id, author_id, body, created_at)
				VALUES (?, ?, ?, (SELECT id FROM users WHERE email = ?), ?, ?)""")
			.params(id, org.id(), invoice.id(), org.member(), body, at.atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql("""
				INSERT INTO audit_log (org_id, actor_id, action, subject_type, subject_id, detail, occurred_at)
				VALUES (?, (SELECT id FROM users WHERE email = ?), 'comment.create', 'comment', ?, 'test data', ?)""")
			.params(org.id(), org.member(), id.toString(), at.atOffset(ZoneOffset.UTC))
			.update();
		return id;
	}

	public long demoInvoiceId(String number) {
		return jdbc.sql("SELECT id FROM invoices WHERE invoice_number = ?").param(number).query(Long.class).single();
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

}
