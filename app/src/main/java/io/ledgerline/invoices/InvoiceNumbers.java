package io.ledgerline.invoices;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out each org's next invoice number ({@code INV-1061} after {@code INV-1060}).
 *
 * <p>
 * A counter row per org ({@code invoice_number_series}), incremented by an UPDATE inside
 * the creating transaction: the UPDATE row-locks the org's counter until that transaction
 * commits or rolls back, so two creates at the same moment get two different numbers by
 * construction, and a rolled-back create gives its number back. The alternative (the next
 * number from the newest invoice, the unique constraint, retry on a duplicate) turns
 * contention into failures: on PostgreSQL a duplicate key aborts the whole transaction,
 * so each retry redoes lines, summary and audit, and with twenty creates at once a
 * bounded retry still fails some of them. The lock is per org, so orgs never wait for
 * each other, and it is held only for the rest of one short transaction. The unique
 * constraint on (org_id, invoice_number) stays as the backstop.
 */
@Repository
public class InvoiceNumbers {

	static final String DEFAULT_PREFIX = "INV-";

	/** An org with no invoices starts here (the demo orgs' numbers start at x001). */
	static final long DEFAULT_FIRST = 1001;

	/**
	 * How an existing number is continued: a prefix without digits, then the number
	 * (INV-1060, GLX-2020, INV/0042).
	 */
	private static final Pattern NUMBERED = Pattern.compile("([^0-9]{1,20})([0-9]{1,15})");

	/**
	 * Numbers already taken (inserted by something other than this counter) are skipped,
	 * at most this many in one create.
	 */
	private static final int MAX_SKIPS = 1000;

	private final JdbcClient jdbc;

	InvoiceNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The org's next free number; locks the org's counter until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	public String next(String orgId) {
		ensureSeries(orgId);
		for (int attempt = 0; attempt < MAX_SKIPS; attempt++) {
			jdbc.sql("UPDATE invoice_number_series SET last_number = last_number + 1 WHERE org_id = ?")
				.param(orgId)
				.update();
			String number = jdbc.sql("SELECT prefix, last_number, digits FROM invoice_number_series WHERE org_id = ?")
				.param(orgId)
				.query((rs, n) -> format(rs.getString("prefix"), rs.getLong("last_number"), rs.getInt("digits")))
				.single();
			if (!taken(orgId, number)) {
				return number;
			}
		}
		throw new IllegalStateException("No free invoice number for org " + orgId + " after " + MAX_SKIPS + " tries");
	}

	/**
	 * An org's first create starts its series where its newest invoice left off.
	 * Concurrent first creates both try the insert; the loser's is a no-op (it waits for
	 * the winner's row, then both increment the same row).
	 */
	private void ensureSeries(String orgId) {
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM invoice_number_series WHERE org_id = ?")
			.param(orgId)
			.query(Integer.class)
			.single() > 0;
		if (exists) {
			return;
		}
		Optional<String> newest = jdbc
			.sql("SELECT invoice_number FROM invoices WHERE org_id = ? ORDER BY id DESC LIMIT 1")
			.param(orgId)
			.query(String.class)
			.optional();
		Start start = newest.flatMap(InvoiceNumbers::continuing).orElse(Start.DEFAULT);
		jdbc.sql("""
				INSERT INTO invoice_number_series (org_id, prefix, last_number, digits)
				VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(orgId, start.prefix(), start.lastNumber(), start.digits())
			.update();
	}

	/** Where a series continues from an existing number, if it looks like one. */
	static Optional<Start> continuing(String number) {
		Matcher m = NUMBERED.matcher(number);
		if (!m.matches()) {
			return Optional.empty();
		}
		return Optional.of(new Start(m.group(1), Long.parseLong(m.group(2)), m.group(2).length()));
	}

	/** The number printed with at least {@code digits} digits (leading zeros kept). */
	static String format(String prefix, long number, int digits) {
		String digitsText = Long.toString(number);
		return prefix + "0".repeat(Math.max(0, digits - digitsText.length())) + digitsText;
	}

	private boolean taken(String orgId, String number) {
		return jdbc.sql("SELECT COUNT(*) FROM invoices WHERE org_id = ? AND invoice_number = ?")
			.params(orgId, number)
			.query(Integer.class)
			.single() > 0;
	}

	record Start(String prefix, long lastNumber, int digits) {

		static final Start DEFAULT = new Start(DEFAULT_PREFIX, DEFAULT_FIRST - 1, 4);

	}

}
