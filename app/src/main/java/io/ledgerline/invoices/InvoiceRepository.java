package io.ledgerline.invoices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.ledgerline.config.Timestamps;

/**
 * Every statement is scoped by {@code org_id}: another org's id is simply not found.
 * Writes carry their preconditions (not deleted, lifecycle, version) in the UPDATE's
 * WHERE clause, so the check and the write are one atomic statement.
 */
@Repository
class InvoiceRepository {

	private static final String COLUMNS = """
			id, org_id, invoice_number, customer_name, status, total, issued_on, due_on, version,
			created_at, updated_at, archived_at, deleted_at""";

	private final JdbcClient jdbc;

	InvoiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** At most {@code limit} rows below {@code beforeId}, newest first. */
	List<Invoice> page(String orgId, InvoiceView view, LocalDate today, long beforeId, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM invoices WHERE org_id = ? AND id < ? AND " + view.predicate(today)
					+ " ORDER BY id DESC LIMIT ?")
			.params(orgId, beforeId, limit)
			.query(InvoiceRepository::map)
			.list();
	}

	/**
	 * Whether a page that continues below {@code id} starts on a page boundary of the
	 * view: the row {@code id} is in the view and a whole number of pages sits at and
	 * above it. One index range up to that row: what the page itself reads past.
	 */
	boolean isPageBoundary(String orgId, InvoiceView view, LocalDate today, long id, int pageSize) {
		return jdbc
			.sql("SELECT COUNT(*) AS above, COALESCE(SUM(CASE WHEN id = ? THEN 1 ELSE 0 END), 0) AS listed"
					+ " FROM invoices WHERE org_id = ? AND id >= ? AND " + view.predicate(today))
			.params(id, orgId, id)
			.query((rs, n) -> rs.getLong("listed") == 1 && rs.getLong("above") % pageSize == 0)
			.single();
	}

	/** How many rows of the view sit at or above {@code id}. */
	long countFrom(String orgId, InvoiceView view, LocalDate today, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM invoices WHERE org_id = ? AND id >= ? AND " + view.predicate(today))
			.params(orgId, id)
			.query(Long.class)
			.single();
	}

	/**
	 * The id of the row at {@code rank} (0 is the newest) of the view, if there is one.
	 */
	Optional<Long> idAtRank(String orgId, InvoiceView view, LocalDate today, long rank) {
		return jdbc
			.sql("SELECT id FROM invoices WHERE org_id = ? AND " + view.predicate(today)
					+ " ORDER BY id DESC LIMIT 1 OFFSET ?")
			.params(orgId, rank)
			.query(Long.class)
			.optional();
	}

	Optional<Invoice> find(String orgId, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM invoices WHERE org_id = ? AND id = ?")
			.params(orgId, id)
			.query(InvoiceRepository::map)
			.optional();
	}

	Optional<Long> idOfNumber(String orgId, String number) {
		return jdbc.sql("SELECT id FROM invoices WHERE org_id = ? AND invoice_number = ?")
			.params(orgId, number)
			.query(Long.class)
			.optional();
	}

	Optional<Invoice> mostRecentlyArchived(String orgId) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM invoices WHERE org_id = ? AND archived_at IS NOT NULL AND deleted_at IS NULL
				ORDER BY archived_at DESC, id DESC LIMIT 1""").param(orgId).query(InvoiceRepository::map).optional();
	}

	/**
	 * Locks the row for the rest of the transaction. The lock does not replace the
	 * version check in the UPDATE; it makes the "before" image used for the summary delta
	 * and the conflict answer the one the UPDATE actually saw.
	 */
	Optional<Invoice> lock(String orgId, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM invoices WHERE org_id = ? AND id = ? FOR UPDATE")
			.params(orgId, id)
			.query(InvoiceRepository::map)
			.optional();
	}

	List<InvoiceLine> lines(long invoiceId) {
		return jdbc.sql("""
				SELECT line_no, description, quantity, unit_price, amount FROM invoice_lines
				WHERE invoice_id = ? ORDER BY line_no""")
			.param(invoiceId)
			.query((rs, n) -> new InvoiceLine(rs.getInt("line_no"), rs.getString("description"),
					rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("amount")))
			.list();
	}

	/**
	 * @param expectedVersion the version the client saw, or null to skip the check (admin
	 * overwrite)
	 */
	boolean update(String orgId, long id, InvoiceChanges changes, Long expectedVersion, Instant now) {
		String versionCheck = expectedVersion == null ? "" : " AND version = :expectedVersion";
		return jdbc.sql("""
				UPDATE invoices SET customer_name = :customerName, status = :status, total = :total,
				       issued_on = :issuedOn, due_on = :dueOn, version = version + 1, updated_at = :now
				WHERE id = :id AND org_id = :orgId AND deleted_at IS NULL""" + versionCheck)
			.param("customerName", changes.customerName())
			.param("status", changes.status().value())
			.param("total", changes.total())
			.param("issuedOn", changes.issuedOn())
			.param("dueOn", changes.dueOn())
			.param("now", Timestamps.toDb(now))
			.param("id", id)
			.param("orgId", orgId)
			.param("expectedVersion", expectedVersion)
			.update() == 1;
	}

	boolean transition(String orgId, long id, LifecycleAction action, long expectedVersion, Instant now) {
		return jdbc
			.sql("UPDATE invoices SET " + action.assignment + ", version = version + 1, updated_at = :now"
					+ " WHERE id = :id AND org_id = :orgId AND deleted_at IS NULL AND version = :expectedVersion AND "
					+ action.requiredState)
			.param("now", Timestamps.toDb(now))
			.param("id", id)
			.param("orgId", orgId)
			.param("expectedVersion", expectedVersion)
			.update() == 1;
	}

	/**
	 * A new active invoice at version 1 with its lines, numbered by the caller; returns
	 * its id. The id comes from the identity column, so a new invoice sorts above every
	 * existing one in the list's keyset order (id descending).
	 */
	long insert(String orgId, String number, NewInvoice invoice, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO invoices (org_id, invoice_number, customer_name, status, total, issued_on, due_on,
				                      version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")
			.params(orgId, number, invoice.customerName(), invoice.status().value(), invoice.total(),
					invoice.issuedOn(), invoice.dueOn(), Timestamps.toDb(now), Timestamps.toDb(now))
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		insertLines(id, invoice.lines());
		return id;
	}

	/** The invoice's lines become {@code lines}, numbered from 1 in their order. */
	void replaceLines(long invoiceId, List<NewInvoiceLine> lines) {
		jdbc.sql("DELETE FROM invoice_lines WHERE invoice_id = ?").param(invoiceId).update();
		insertLines(invoiceId, lines);
	}

	private void insertLines(long invoiceId, List<NewInvoiceLine> lines) {
		int lineNo = 1;
		for (NewInvoiceLine line : lines) {
			jdbc.sql("""
					INSERT INTO invoice_lines (invoice_id, line_no, description, quantity, unit_price, amount)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(invoiceId, lineNo++, line.description(), line.quantity(), line.unitPrice(), line.amount())
				.update();
		}
	}

	/**
	 * How many of the org's active invoices are overdue on {@code today}, and their sum
	 * (served by {@code invoices_org_sent_due}).
	 */
	OverdueSummary overdue(String orgId, LocalDate today) {
		return jdbc
			.sql("SELECT COUNT(*) AS overdue_count, COALESCE(SUM(total), 0) AS overdue_total FROM invoices"
					+ " WHERE org_id = ? AND " + InvoiceView.OVERDUE.predicate(today))
			.param(orgId)
			.query((rs, n) -> new OverdueSummary(today, rs.getLong("overdue_count"),
					rs.getBigDecimal("overdue_total").setScale(2)))
			.single();
	}

	/** The org's payment terms: days from the issue date to the due date. */
	int paymentTermsDays(String orgId) {
		return jdbc.sql("SELECT payment_terms_days FROM orgs WHERE id = ?")
			.param(orgId)
			.query(Integer.class)
			.optional()
			.orElse(PaymentTerms.DEFAULT_DAYS);
	}

	private static Invoice map(ResultSet rs, int rowNum) throws SQLException {
		return new Invoice(rs.getLong("id"), rs.getString("org_id"), rs.getString("invoice_number"),
				rs.getString("customer_name"), InvoiceStatus.parse(rs.getString("status")).orElseThrow(),
				rs.getBigDecimal("total"), rs.getObject("issued_on", LocalDate.class),
				rs.getObject("due_on", LocalDate.class), rs.getLong("version"), Timestamps.fromDb(rs, "created_at"),
				Timestamps.fromDb(rs, "updated_at"), Timestamps.fromDb(rs, "archived_at"),
				Timestamps.fromDb(rs, "deleted_at"));
	}

}
