package io.ledgerline.inspector;

import java.util.List;

import io.ledgerline.caching.FetchedAt;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.summary.OrgSummary;

/**
 * Everything the inspector page shows, read for the acting user's active org.
 *
 * @param target the invoice the buttons act on (the newest active one), or null when
 * there is none
 */
record InspectorPage(FetchedAt fetched, OrgSummary summary, Invoice target, boolean misuse,
		List<InvalidationRow> invalidations, List<AuditRow> audit, List<String> demoUsers, List<JobRunRow> jobRuns) {

	/**
	 * One invalidation log entry: {@code target} is a tag, or a route when {@code path}
	 * is true.
	 */
	record InvalidationRow(String target, boolean path, String primitive, String source, String profile,
			String instance, String at) {
	}

	/** One run of a background job for this org (the summary recompute). */
	record JobRunRow(String job, String at, long durationMs, String outcome, String detail) {
	}

	record AuditRow(String action, String actorEmail, String subject, String detail, String at) {
	}

}
