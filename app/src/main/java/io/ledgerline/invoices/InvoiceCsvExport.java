package io.ledgerline.invoices;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Writes one list view of an org's invoices as CSV, or a search within it (the rows the
 * list shows for the same {@code q}), streamed: keyset batches of {@value #BATCH} rows in
 * the list's own order (newest first, the list's query, view predicate and search), each
 * written and flushed before the next is read, so memory stays bounded by one batch
 * whatever the org's size. Each batch is its own short read (no transaction held open for
 * the whole download), so a row changed during a long export shows as it was when its
 * batch was read.
 *
 * <p>
 * Spreadsheet-safe: UTF-8 with a byte-order mark (Excel otherwise guesses a legacy code
 * page), RFC 4180 quoting, CRLF line ends, and every text cell that a spreadsheet would
 * take for a formula (starting with {@code = + - @}, tab or carriage return) prefixed
 * with an apostrophe, which spreadsheets show as text and do not evaluate. Amounts are
 * plain decimals ({@code 12000.00}) so they stay numbers; dates are ISO. Columns are only
 * ever added at the end (the due date came last), so a sheet that reads them by position
 * keeps working.
 */
@Service
public class InvoiceCsvExport {

	static final int BATCH = 1000;

	static final List<String> HEADER = List.of("Invoice number", "Customer", "Issue date", "Status", "Total",
			"Lifecycle", "Created (UTC)", "Updated (UTC)", "Due date");

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private final InvoiceRepository invoices;

	InvoiceCsvExport(InvoiceRepository invoices) {
		this.invoices = invoices;
	}

	/** Writes the whole view (or search); returns the number of invoice rows written. */
	public long write(String orgId, InvoiceView view, InvoiceSearch search, LocalDate today, OutputStream out)
			throws IOException {
		out.write(BOM);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		row(writer, HEADER);
		long written = 0;
		long before = Long.MAX_VALUE;
		while (true) {
			List<Invoice> batch = invoices.page(orgId, view, today, search, before, BATCH);
			for (Invoice invoice : batch) {
				row(writer, List.of(text(invoice.number()), text(invoice.customerName()), invoice.issuedOn().toString(),
						invoice.status().value(), invoice.total().toPlainString(), invoice.lifecycle().value(),
						timestamp(invoice.createdAt()), timestamp(invoice.updatedAt()), invoice.dueOn().toString()));
			}
			written += batch.size();
			// Out to the client before the next batch is read.
			writer.flush();
			if (batch.size() < BATCH) {
				return written;
			}
			before = batch.get(batch.size() - 1).id();
		}
	}

	/** A text cell a spreadsheet will show as text, never run as a formula. */
	static String text(String value) {
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

	private static String timestamp(Instant instant) {
		return instant == null ? "" : TIMESTAMP.format(instant);
	}

	private static void row(Writer writer, List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write(quoted(cells.get(i)));
		}
		writer.write("\r\n");
	}

	/** RFC 4180: quote a cell holding a comma, quote or line break; double its quotes. */
	static String quoted(String cell) {
		if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
			return cell;
		}
		return '"' + cell.replace("\"", "\"\"") + '"';
	}

}
