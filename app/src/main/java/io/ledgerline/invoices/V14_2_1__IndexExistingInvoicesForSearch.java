package io.ledgerline.invoices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Adds the search rows of the invoices that existed before the search index did (V14_2).
 * In Java because the words are normalised the way the app normalises them
 * ({@link SearchWords}: accents, case, separators), which SQL cannot do the same way on
 * both databases. Keyset batches, so an org of a million invoices streams through.
 */
@Component
class V14_2_1__IndexExistingInvoicesForSearch extends BaseJavaMigration {

	private static final int BATCH = 1_000;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		long after = 0;
		while (true) {
			long last = after;
			try (PreparedStatement read = connection.prepareStatement(
					"SELECT id, org_id, invoice_number, customer_name FROM invoices WHERE id > ? ORDER BY id LIMIT ?");
					PreparedStatement write = connection.prepareStatement(
							"INSERT INTO invoice_search_terms (org_id, term, invoice_id) VALUES (?, ?, ?)")) {
				read.setLong(1, after);
				read.setInt(2, BATCH);
				try (ResultSet rows = read.executeQuery()) {
					while (rows.next()) {
						last = rows.getLong("id");
						for (String term : SearchWords.terms(rows.getString("invoice_number"),
								rows.getString("customer_name"))) {
							write.setString(1, rows.getString("org_id"));
							write.setString(2, term);
							write.setLong(3, last);
							write.addBatch();
						}
					}
				}
				write.executeBatch();
			}
			if (last == after) {
				return;
			}
			after = last;
		}
	}

}
