package io.ledgerline.inspector;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.ledgerline.invoices.write.InvoiceInvalidationStep;
import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.tagcache.TagCache;

/**
 * TEACHING SURFACE, not a feature: the inspector's "misuse" toggle. When on, the edit
 * action invalidates the list with revalidateTag(…, "max") instead of updateTag, to show
 * what the wrong primitive does to the user who is waiting on the redirect (the list
 * shows the old amount while record and summary are fresh). It is the edit's
 * {@link InvoiceInvalidationStep} in the demo profile only; without that profile the bean
 * does not exist and the edit uses the exact step. Per org, and stored in the database
 * ({@code demo_misuse_toggle}) so that every instance of a cluster reads the same value:
 * one org's demo never changes how another org's edits behave, and the instance that
 * serves the edit behaves as the inspector said.
 */
@Component
@Profile("demo")
public class ListInvalidationMisuse implements InvoiceInvalidationStep {

	/** The row whose value applies to every org without a row of its own. */
	private static final String EVERY_ORG = "*";

	private final JdbcClient jdbc;

	ListInvalidationMisuse(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void invalidate(TagCache cache, String orgId, long invoiceId) {
		if (!isOn(orgId)) {
			EXACT.invalidate(cache, orgId, invoiceId);
			return;
		}
		// Deliberately wrong: stale-while-revalidate for the list the user is about to be
		// shown, so the redirect shows the old amount.
		cache.revalidateTag(InvoiceTags.list(orgId), "max");
		cache.updateTags(List.of(InvoiceTags.record(orgId, invoiceId), InvoiceTags.summary(orgId)));
	}

	public boolean isOn(String orgId) {
		// The org's own row wins over the every-org row; no row at all means off.
		return jdbc.sql("""
				SELECT list_misuse FROM demo_misuse_toggle WHERE org_id IN (?, ?)
				ORDER BY CASE WHEN org_id = ? THEN 1 ELSE 0 END""")
			.params(orgId, EVERY_ORG, EVERY_ORG)
			.query(Boolean.class)
			.list()
			.stream()
			.findFirst()
			.orElse(false);
	}

	/** Flips the toggle for one org; returns its new state. */
	@Transactional
	public boolean toggle(String orgId) {
		boolean on = !isOn(orgId);
		store(orgId, on);
		return on;
	}

	/** Sets the toggle for every org at once (a reset, e.g. between tests). */
	@Transactional
	public void set(boolean value) {
		jdbc.sql("DELETE FROM demo_misuse_toggle").update();
		store(EVERY_ORG, value);
	}

	private void store(String orgId, boolean on) {
		jdbc.sql(
				"""
						MERGE INTO demo_misuse_toggle t USING (VALUES (CAST(? AS VARCHAR(40)), CAST(? AS BOOLEAN))) AS v(org_id, on_value)
						ON t.org_id = v.org_id
						WHEN MATCHED THEN UPDATE SET list_misuse = v.on_value
						WHEN NOT MATCHED THEN INSERT (org_id, list_misuse) VALUES (v.org_id, v.on_value)""")
			.params(orgId, on)
			.update();
	}

}
