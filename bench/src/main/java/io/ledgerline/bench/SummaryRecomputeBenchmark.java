package io.ledgerline.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the summary recompute job costs on an org of {@value #INVOICES} invoices, on a
 * real PostgreSQL. One operation is the job's whole transaction, with the app's
 * statements (copies of SummaryRecompute's lock and SummaryRepository's countActive and
 * store): lock the org's summary row, count and sum its active invoices in one statement,
 * upsert the row with a fresh {@code updated_at}, commit.
 *
 * <p>
 * The data set is {@link InvoiceDataGenerator}'s (two interleaved orgs, about 5%
 * archived), whose migrations include V5's index the aggregate is answered from
 * ({@code invoices_org_active_totals}). It is built in schema
 * {@code ledgerline_bench_summary} unless {@code LEDGERLINE_BENCH_SCHEMA} names another;
 * the plan of the aggregate is printed at the end, then the schema is dropped.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SummaryRecomputeBenchmark {

	static final int INVOICES = 100_000;

	static final String SCHEMA = InvoiceDataGenerator.DEFAULT_SCHEMA + "_summary";

	static final String LOCK = "SELECT org_id FROM org_invoice_summaries WHERE org_id = ? FOR UPDATE";

	static final String AGGREGATE = """
			SELECT COUNT(*) AS active_count, COALESCE(SUM(total), 0) AS active_total
			FROM invoices WHERE org_id = ? AND deleted_at IS NULL AND archived_at IS NULL""";

	static final String UPSERT = """
			MERGE INTO org_invoice_summaries s
			USING (VALUES (CAST(? AS VARCHAR(40)), CAST(? AS BIGINT), CAST(? AS NUMERIC(16, 2)),
			               CAST(? AS TIMESTAMP WITH TIME ZONE))) AS v (org_id, active_count, active_total, updated_at)
			ON s.org_id = v.org_id
			WHEN MATCHED THEN UPDATE SET active_count = v.active_count, active_total = v.active_total,
			                             updated_at = v.updated_at
			WHEN NOT MATCHED THEN INSERT (org_id, active_count, active_total, updated_at)
			                      VALUES (v.org_id, v.active_count, v.active_total, v.updated_at)""";

	private InvoiceDataGenerator.Settings settings;

	private Connection connection;

	private PreparedStatement lock;

	private PreparedStatement aggregate;

	private PreparedStatement upsert;

	@Setup(Level.Trial)
	public void build() throws SQLException {
		if (InvoiceDataGenerator.setting("ledgerline.bench.schema", "LEDGERLINE_BENCH_SCHEMA", null) == null) {
			System.setProperty("ledgerline.bench.schema", SCHEMA);
		}
		settings = InvoiceDataGenerator.Settings.fromEnvironment();
		System.out.println(InvoiceDataGenerator.generate(settings, INVOICES));
		try (Connection c = settings.connect(); Statement st = c.createStatement()) {
			st.execute("VACUUM (ANALYZE) invoices");
		}
		connection = settings.connect();
		connection.setAutoCommit(false);
		lock = connection.prepareStatement(LOCK);
		aggregate = connection.prepareStatement(AGGREGATE);
		upsert = connection.prepareStatement(UPSERT);
	}

	@Benchmark
	public void recompute(Blackhole sink) throws SQLException {
		String org = InvoiceDataGenerator.ORG;
		lock.setString(1, org);
		try (ResultSet rs = lock.executeQuery()) {
			sink.consume(rs.next());
		}
		aggregate.setString(1, org);
		long count;
		java.math.BigDecimal total;
		try (ResultSet rs = aggregate.executeQuery()) {
			rs.next();
			count = rs.getLong(1);
			total = rs.getBigDecimal(2);
		}
		upsert.setString(1, org);
		upsert.setLong(2, count);
		upsert.setBigDecimal(3, total);
		upsert.setObject(4, Instant.now().atOffset(ZoneOffset.UTC));
		sink.consume(upsert.executeUpdate());
		connection.commit();
	}

	@TearDown(Level.Trial)
	public void explainAndDrop() throws SQLException {
		try (Statement st = connection.createStatement()) {
			st.execute("PREPARE agg(varchar) AS " + AGGREGATE.replace("?", "$1"));
			StringBuilder plan = new StringBuilder("\nEXPLAIN (ANALYZE, BUFFERS) of the aggregate:\n");
			try (ResultSet rs = st
				.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE agg('" + InvoiceDataGenerator.ORG + "')")) {
				while (rs.next()) {
					plan.append("  ").append(rs.getString(1)).append('\n');
				}
			}
			try (ResultSet rs = st
				.executeQuery("SELECT active_count, active_total FROM org_invoice_summaries WHERE org_id = '"
						+ InvoiceDataGenerator.ORG + "'")) {
				rs.next();
				plan.append("stored summary: ").append(rs.getLong(1)).append(" active, ").append(rs.getBigDecimal(2));
			}
			connection.commit();
			System.out.println(plan);
		}
		connection.close();
		InvoiceDataGenerator.drop(settings);
	}

}
