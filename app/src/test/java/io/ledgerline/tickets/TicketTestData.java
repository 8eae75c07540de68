package io.ledgerline.tickets;

import io.ledgerline.support.Fixtures;
import io.ledgerline.tagcache.testing.ManualClock;
import io.ledgerline.web.HumanTime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ticket rows straight in the database, and what the tests read back from pages and logs.
 */
final class TicketTestData {

	private static final Pattern RENDERED_AT = Pattern
		.compile("<time data-testid=\"tickets-rendered-at\" datetime=\"([^\"]+)\"[^>]*>([^<]+)</time>");

	private static final Pattern CSRF_VALUE = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

	private final JdbcClient jdbc;

	private final ManualClock clock;

	private final Fixtures fixtures;

	TicketTestData(JdbcClient jdbc, ManualClock clock, Fixtures fixtures) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.fixtures = fixtures;
	}

	long ticket(String orgId, String title, TicketStatus status) {
		return fixtures.ticket(orgId, title, status.value());
	}

	record Row(String orgId, String title, String status, Instant updatedAt) {
	}

	Optional<Row> row(long id) {
		return jdbc.sql("SELECT org_id, title, status, updated_at FROM tickets WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Row(rs.getString("org_id"), rs.getString("title"), rs.getString("status"),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	long newestTicketId(String orgId) {
		return jdbc.sql("SELECT MAX(id) FROM tickets WHERE org_id = ?").param(orgId).query(Long.class).single();
	}

	int ticketCount(String orgId) {
		return jdbc.sql("SELECT COUNT(*) FROM tickets WHERE org_id = ?").param(orgId).query(Integer.class).single();
	}

	/**
	 * Every invalidation log row about the ticket page, whatever its primitive or source.
	 */
	int pageInvalidations() {
		return jdbc.sql("SELECT COUNT(*) FROM invalidation_log WHERE target = ?")
			.param(TicketInvalidation.PAGE_PATH)
			.query(Integer.class)
			.single();
	}

	/**
	 * The rows about the ticket page that are exactly what a ticket action should write.
	 */
	int pageRevalidationsByActions() {
		return jdbc.sql("""
				SELECT COUNT(*) FROM invalidation_log
				WHERE target = ? AND primitive = 'revalidatePath' AND source = 'action' AND is_path = TRUE""")
			.param(TicketInvalidation.PAGE_PATH)
			.query(Integer.class)
			.single();
	}

	int auditRows(String orgId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE org_id = ? AND subject_type = 'ticket'")
			.param(orgId)
			.query(Integer.class)
			.single();
	}

	int auditRows(long ticketId, String action) {
		return jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE subject_type = 'ticket' AND subject_id = ? AND action = ?")
			.params(Long.toString(ticketId), action)
			.query(Integer.class)
			.single();
	}

	/**
	 * The board's {@code tickets-rendered-at} (its ISO {@code datetime}); its text must
	 * be that instant as people read it.
	 */
	static String renderedAt(String html) {
		Matcher m = RENDERED_AT.matcher(html);
		if (!m.find()) {
			throw new AssertionError("no tickets-rendered-at on the page:\n" + html);
		}
		if (!HumanTime.PEOPLE.absolute(m.group(1)).equals(m.group(2))) {
			throw new AssertionError("tickets-rendered-at text and datetime differ: " + m.group());
		}
		return m.group(1);
	}

	static List<String> csrfValues(String html) {
		List<String> values = new ArrayList<>();
		Matcher m = CSRF_VALUE.matcher(html);
		while (m.find()) {
			values.add(m.group(1));
		}
		return values;
	}

	/** The {@code _csrf} value in the first form posting to {@code action}. */
	static String csrfOfForm(String html, String action) {
		int form = html.indexOf("action=\"" + action + "\"");
		if (form < 0) {
			throw new AssertionError("no form posting to " + action);
		}
		Matcher m = CSRF_VALUE.matcher(html);
		if (!m.find(form)) {
			throw new AssertionError("no _csrf field after the form posting to " + action);
		}
		return m.group(1);
	}

	static int count(String html, String needle) {
		int n = 0;
		for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + needle.length())) {
			n++;
		}
		return n;
	}

}
