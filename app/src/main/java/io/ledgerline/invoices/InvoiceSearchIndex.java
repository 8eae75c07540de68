package io.ledgerline.invoices;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The search index ({@code invoice_search_terms}): one row per org, prefix of a
 * normalised word ({@link SearchWords}) and invoice. Written in the transaction of the
 * write that changes what it indexes, so a search never sees a row its list would not.
 * Public for writers outside the feature that insert invoices themselves (the demo seed).
 */
@Repository
public class InvoiceSearchIndex {

	private static final String INSERT = "INSERT INTO invoice_search_terms (org_id, term, invoice_id) VALUES (?, ?, ?)";

	private final JdbcTemplate jdbc;

	InvoiceSearchIndex(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Indexes a new invoice. */
	public void add(String orgId, long invoiceId, String number, String customerName) {
		insert(orgId, invoiceId, SearchWords.terms(number, customerName));
	}

	/**
	 * Re-indexes an invoice whose customer changed: only the prefixes that differ are
	 * deleted and added, by the primary key.
	 */
	public void rename(String orgId, long invoiceId, String number, String oldCustomer, String newCustomer) {
		Set<String> before = SearchWords.terms(number, oldCustomer);
		Set<String> after = SearchWords.terms(number, newCustomer);
		Set<String> gone = new HashSet<>(before);
		gone.removeAll(after);
		Set<String> added = new HashSet<>(after);
		added.removeAll(before);
		for (String term : gone) {
			this.jdbc.update("DELETE FROM invoice_search_terms WHERE org_id = ? AND term = ? AND invoice_id = ?", orgId,
					term, invoiceId);
		}
		insert(orgId, invoiceId, added);
	}

	private void insert(String orgId, long invoiceId, Set<String> terms) {
		if (terms.isEmpty()) {
			return;
		}
		List<Object[]> rows = terms.stream().map(term -> new Object[] { orgId, term, invoiceId }).toList();
		this.jdbc.batchUpdate(INSERT, rows);
	}

}
