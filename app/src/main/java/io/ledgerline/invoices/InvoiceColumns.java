package io.ledgerline.invoices;

/**
 * The columns an {@link Invoice} is read from, in one list: the repository selects them,
 * and {@code bench/} reads and writes the same list instead of a copy of its own.
 *
 * <p>
 * A compile-time constant on purpose: {@code bench} compiles against the app's classes
 * but does not ship them, so the string is inlined into the benchmarks and a column added
 * here reaches them on the next build.
 */
public final class InvoiceColumns {

	/** Every column of {@code invoices} (read by name, so the order is free). */
	public static final String ALL = "id, org_id, invoice_number, customer_name, status, total, issued_on, due_on,"
			+ " version, created_at, updated_at, archived_at, deleted_at";

	private InvoiceColumns() {
	}

}
