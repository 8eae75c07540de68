package io.ledgerline.invoices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

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
public class InvoiceRepository {

	private final JdbcClient jdbc;

	InvoiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * {@link InvoiceColumns#ALL} of the list's {@code i} (invoices) beside the search
	 * table.
	 */
	private static final String LISTED_COLUMNS = Arrays.stream(InvoiceColumns.ALL.split(","))
		.map(column -> "i." + column.strip())
		.collect(Collectors.joining(", "));

	/** At most {@code limit} rows of the view below {@code beforeId}, newest first. */
	List<Invoice> page(String orgId, InvoiceView view, LocalDate today, long beforeId, int limit) {
		return page(orgId, view, today, InvoiceSearch.NONE, beforeId, limit);
	}

	/**
	 * At most {@code limit} rows of the view (and search) below {@code beforeId}, newest
	 * first.
	 */
	List<Invoice> page(String orgId, InvoiceView view, LocalDate today, InvoiceSearch search, long beforeId,
			int limit) {
		Listed listed = Listed.of(orgId, view, today, search);
		return jdbc
			.sql("SELECT " + LISTED_COLUMNS + listed.from() + " AND " + listed.key() + " < ? ORDER BY "
					+ listed.order("DESC") + " LIMIT ?")
			.params(listed.params(beforeId, limit))
			.query(InvoiceRepository::map)
			.list();
	}

	/**
	 * How many rows of the view (and search) sit above a page that continues below
	 * {@code id}, when that page starts on a page boundary: the row {@code id} is listed
	 * and a whole number of pages sits at and above it; empty otherwise. One index range
	 * up to that row: what the page itself reads past.
	 */
	OptionalLong rowsAboveBoundary(String orgId, InvoiceView view, LocalDate today, InvoiceSearch search, long id,
			int pageSize) {
		Listed listed = Listed.of(orgId, view, today, search);
		return jdbc
			.sql("SELECT COUNT(*) AS above, COALESCE(SUM(CASE WHEN " + listed.key()
					+ " = ? THEN 1 ELSE 0 END), 0) AS listed" + listed.from() + " AND " + listed.key() + " >= ?")
			.params(listed.paramsAfter(id, id))
			.query((rs, n) -> rs.getLong("listed") == 1 && rs.getLong("above") % pageSize == 0
					? OptionalLong.of(rs.getLong("above")) : OptionalLong.empty())
			.single();
	}

	/** How many rows of the view (and search) sit at or above {@code id}. */
	long countFrom(String orgId, InvoiceView view, LocalDate today, InvoiceSearch search, long id) {
		Listed listed = Listed.of(orgId, view, today, search);
		return jdbc.sql("SELECT COUNT(*)" + listed.from() + " AND " + listed.key() + " >= ?")
			.params(listed.params(id))
			.query(Long.class)
			.single();
	}

	/**
	 * The id of the row at {@code rank} (0 is the newest) of the view (and search), if
	 * there is one.
	 */
	Optional<Long> idAtRank(String orgId, InvoiceView view, LocalDate today, InvoiceSearch search, long rank) {
		Listed listed = Listed.of(orgId, view, today, search);
		return jdbc
			.sql("SELECT " + listed.key() + listed.from() + " ORDER BY " + listed.order("DESC") + " LIMIT 1 OFFSET ?")
			.params(listed.params(rank))
			.query(Long.class)
			.optional();
	}

	/**
	 * The id {@code steps} rows above {@code id} (counting {@code id} as the first), if
	 * there is one: the index walked upwards, for the Newer link.
	 */
	Optional<Long> idAbove(String orgId, InvoiceView view, LocalDate today, InvoiceSearch search, long id, int steps) {
		Listed listed = Listed.of(orgId, view, today, search);
		return jdbc
			.sql("SELECT " + listed.key() + listed.from() + " AND " + listed.key() + " >= ? ORDER BY "
					+ listed.order("ASC") + " LIMIT 1 OFFSET ?")
			.params(listed.params(id, steps))
			.query(Long.class)
			.optional();
	}

	/**
	 * The org's archived (not deleted) invoices: one range of
	 * {@code invoices_org_active_totals}, the size of the archive, not of the org.
	 */
	long countArchived(String orgId) {
		return jdbc
			.sql("SELECT COUNT(*) FROM invoices WHERE org_id = ? AND deleted_at IS NULL AND archived_at IS NOT NULL")
			.param(orgId)
			.query(Long.class)
			.single();
	}

	/**
	 * The FROM and WHERE of one view, alone or searched, and the column its keyset order
	 * walks. A search walks the search index ({@code t}, primary key org, term, invoice)
	 * for its longest word, one equality whose rows come in invoice order, and checks
	 * each further word by a primary-key probe per candidate; the view's predicate is
	 * checked on the joined invoice ({@code i}). Only the words are parameters; the SQL's
	 * shape depends on their count alone.
	 */
	private record Listed(String from, String key, String index, List<Object> leading) {

		static Listed of(String orgId, InvoiceView view, LocalDate today, InvoiceSearch search) {
			if (search.isNone()) {
				return new Listed(" FROM invoices i WHERE i.org_id = ? AND " + predicate(view, today), "i.id",
						"i.org_id, i.id", List.of(orgId));
			}
			StringBuilder from = new StringBuilder(
					" FROM invoice_search_terms t JOIN invoices i ON i.id = t.invoice_id AND i.org_id = t.org_id"
							+ " WHERE t.org_id = ? AND t.term = ? AND " + predicate(view, today));
			List<Object> leading = new ArrayList<>(List.of(orgId, search.words().get(0)));
			for (String word : search.words().subList(1, search.words().size())) {
				// A probe per candidate, never a join: as a semi-join (EXISTS) a prepared
				// statement's generic plan may merge with the other word's whole range
				// (420,000 rows for "b" at 1M invoices, BENCHMARKS "Search").
				from.append(" AND (SELECT 1 FROM invoice_search_terms w WHERE w.org_id = t.org_id")
					.append(" AND w.term = ? AND w.invoice_id = t.invoice_id LIMIT 1) IS NOT NULL");
				leading.add(word);
			}
			return new Listed(from.toString(), "t.invoice_id", "t.org_id, t.term, t.invoice_id", List.copyOf(leading));
		}

		/**
		 * The keyset order spelled as the index's whole key: the leading columns are
		 * fixed by the WHERE, so it is the key's order, and H2 walks the index for it
		 * (given only the last column, H2 reads every match and sorts; PostgreSQL does
		 * either).
		 */
		String order(String direction) {
			return Arrays.stream(this.index.split(", "))
				.map(column -> column + " " + direction)
				.collect(Collectors.joining(", "));
		}

		Object[] params(Object... trailing) {
			List<Object> all = new ArrayList<>(this.leading);
			all.addAll(Arrays.asList(trailing));
			return all.toArray();
		}

		/** The key's own parameter comes first (in the select list), then the rest. */
		Object[] paramsAfter(Object first, Object... trailing) {
			List<Object> all = new ArrayList<>(List.of(first));
			all.addAll(this.leading);
			all.addAll(Arrays.asList(trailing));
			return all.toArray();
		}

	}

	public Optional<Invoice> find(String orgId, long id) {
		return jdbc.sql("SELECT " + InvoiceColumns.ALL + " FROM invoices WHERE org_id = ? AND id = ?")
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
		return jdbc.sql("SELECT " + InvoiceColumns.ALL + """
				 FROM invoices WHERE org_id = ? AND archived_at IS NOT NULL AND deleted_at IS NULL
				ORDER BY archived_at DESC, id DESC LIMIT 1""").param(orgId).query(InvoiceRepository::map).optional();
	}

	/**
	 * Locks the row for the rest of the transaction. The lock does not replace the
	 * version check in the UPDATE; it makes the "before" image used for the summary delta
	 * and the conflict answer the one the UPDATE actually saw.
	 */
	public Optional<Invoice> lock(String orgId, long id) {
		return jdbc.sql("SELECT " + InvoiceColumns.ALL + " FROM invoices WHERE org_id = ? AND id = ? FOR UPDATE")
			.params(orgId, id)
			.query(InvoiceRepository::map)
			.optional();
	}

	public List<InvoiceLine> lines(long invoiceId) {
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
	public boolean update(String orgId, long id, InvoiceChanges changes, Long expectedVersion, Instant now) {
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

	/**
	 * Archives, restores or deletes the row, if it is at {@code expectedVersion}, not
	 * deleted and in the state the action requires.
	 */
	public boolean transition(String orgId, long id, LifecycleAction action, long expectedVersion, Instant now) {
		// Fixed SQL fragments per action, never built from input.
		String assignment = switch (action) {
			case ARCHIVE -> "archived_at = :now";
			case RESTORE -> "archived_at = NULL";
			case DELETE -> "deleted_at = :now";
		};
		String requiredState = switch (action) {
			case ARCHIVE -> "archived_at IS NULL";
			case RESTORE -> "archived_at IS NOT NULL";
			case DELETE -> "1 = 1";
		};
		return jdbc
			.sql("UPDATE invoices SET " + assignment + ", version = version + 1, updated_at = :now"
					+ " WHERE id = :id AND org_id = :orgId AND deleted_at IS NULL AND version = :expectedVersion AND "
					+ requiredState)
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
	public long insert(String orgId, String number, NewInvoice invoice, Instant now) {
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
	public void replaceLines(long invoiceId, List<NewInvoiceLine> lines) {
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
					+ " WHERE org_id = ? AND " + predicate(InvoiceView.OVERDUE, today))
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

	/**
	 * The view's SQL predicate on {@code today}: a fixed string per view, never built
	 * from input. The overdue view compares due dates with a date literal written from a
	 * {@link LocalDate}, so the clock that decides the day is the app's, not the
	 * database's.
	 */
	private static String predicate(InvoiceView view, LocalDate today) {
		return switch (view) {
			case ACTIVE -> "archived_at IS NULL AND deleted_at IS NULL";
			case ARCHIVED -> "archived_at IS NOT NULL AND deleted_at IS NULL";
			case ALL -> "1 = 1";
			case OVERDUE ->
				"archived_at IS NULL AND deleted_at IS NULL AND status = 'sent' AND due_on < DATE '" + today + "'";
		};
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
