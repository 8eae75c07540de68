package io.ledgerline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ledgerline.bench.InvoiceDataGenerator.DataSet;
import io.ledgerline.bench.InvoiceDataGenerator.Settings;

/**
 * The CSV export of a large org, end to end: a running app (on PostgreSQL, started with a
 * small heap) streams {@code GET /invoices.csv?view=all} of an org with
 * {@code invoicesPerOrg} invoices to this client, which counts bytes and rows as they
 * arrive and reports time to first byte and total time. Not a JMH benchmark: one export
 * is one long request, and the question is whether it finishes in bounded memory and how
 * long it takes, not a microsecond mean.
 *
 * <p>
 * Two steps, with the app started in between (docs/BENCHMARKS.md has the exact commands):
 *
 * <ul>
 * <li>{@code prepare [invoicesPerOrg]}: builds the data set with
 * {@link InvoiceDataGenerator} (schema {@code ledgerline_bench_csv} unless
 * {@code LEDGERLINE_BENCH_SCHEMA} names another starting with {@code ledgerline_bench})
 * and adds the user {@value #USER} (password {@value #PASSWORD}), admin of
 * {@link InvoiceDataGenerator#ORG}. The app then migrates the rest of the schema itself
 * (Flyway baselined at V1, the generator's part).
 * <li>{@code export <baseUrl> [expectedRows]}: signs in through the login form and
 * downloads the export, checking the row count.
 * </ul>
 */
public final class CsvExportBenchmark {

	static final String SCHEMA = "ledgerline_bench_csv";

	static final String USER = "bench@bench.test";

	static final String PASSWORD = "bench";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private CsvExportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length >= 1 && args[0].equals("prepare")) {
			int perOrg = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
			prepare(perOrg);
			return;
		}
		if (args.length >= 2 && args[0].equals("export")) {
			long expected = args.length > 2 ? Long.parseLong(args[2]) : -1;
			export(args[1], expected);
			return;
		}
		System.err.println("usage: CsvExportBenchmark prepare [invoicesPerOrg] | export <baseUrl> [expectedRows]");
		System.exit(2);
	}

	static void prepare(int invoicesPerOrg) throws SQLException {
		if (System.getProperty("ledgerline.bench.schema") == null && System.getenv("LEDGERLINE_BENCH_SCHEMA") == null) {
			System.setProperty("ledgerline.bench.schema", SCHEMA);
		}
		Settings settings = Settings.fromEnvironment();
		DataSet built = InvoiceDataGenerator.generate(settings, invoicesPerOrg);
		System.out.println(built);
		try (Connection c = settings.connect()) {
			try (PreparedStatement ps = c
				.prepareStatement("INSERT INTO users (email, display_name, password_hash) VALUES (?, 'Bench', ?)")) {
				ps.setString(1, USER);
				// The app's DelegatingPasswordEncoder reads the {noop} id: a bench-only
				// account in a throwaway schema.
				ps.setString(2, "{noop}" + PASSWORD);
				ps.executeUpdate();
			}
			try (PreparedStatement ps = c.prepareStatement("""
					INSERT INTO memberships (user_id, org_id, role)
					SELECT id, ?, 'admin' FROM users WHERE email = ?""")) {
				ps.setString(1, InvoiceDataGenerator.ORG);
				ps.setString(2, USER);
				ps.executeUpdate();
			}
		}
		System.out
			.println("user " + USER + " is admin of " + InvoiceDataGenerator.ORG + " in schema " + settings.schema());
	}

	static void export(String baseUrl, long expectedRows) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		String loginPage = http
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(loginPage);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF field on the login page");
		}
		String form = "username=" + enc(USER) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf.group(1));
		HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		String target = login.headers().firstValue("Location").orElse("");
		if (target.contains("error")) {
			throw new IllegalStateException("sign-in refused: " + target);
		}

		long started = System.nanoTime();
		HttpResponse<InputStream> response = http.send(
				HttpRequest.newBuilder(URI.create(baseUrl + "/invoices.csv?view=all")).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("export answered " + response.statusCode());
		}
		long firstByte = -1;
		long bytes = 0;
		long lines = 0;
		byte[] buffer = new byte[64 * 1024];
		try (InputStream body = response.body()) {
			for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
				if (firstByte < 0 && n > 0) {
					firstByte = System.nanoTime();
				}
				bytes += n;
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		long finished = System.nanoTime();
		long rows = lines - 1;
		System.out.printf("export of %,d rows (%,d bytes): first byte after %.0f ms, complete after %.2f s%n", rows,
				bytes, (firstByte - started) / 1e6, (finished - started) / 1e9);
		if (expectedRows >= 0 && rows != expectedRows) {
			throw new IllegalStateException("expected " + expectedRows + " rows, got " + rows);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
