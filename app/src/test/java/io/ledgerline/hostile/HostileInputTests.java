package io.ledgerline.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;

/**
 * Every route × a table of malformed inputs, as the org's own admin: each answers below
 * 500 and changes no row of the org (invoices, tickets, summary, audit). And every route
 * that takes an id answers 404 to another org's admin, with well-formed input, and
 * changes nothing either. Container-level decoding is covered over a socket in
 * {@link RawHttpHostileTests}.
 */
@IntegrationTest
class HostileInputTests {

	/**
	 * A route, with the well-formed fields it takes ({@code {id}}/{@code {ticket}} in the
	 * path).
	 */
	record Route(HttpMethod method, String path, Map<String, String> fields) {

		boolean takesFields() {
			return !fields.isEmpty();
		}

		boolean takesId() {
			return path.contains("{id}") || path.contains("{ticket}") || fields.containsValue("{id}");
		}

		@Override
		public String toString() {
			return method + " " + path;
		}

	}

	static final List<Route> ROUTES = List.of(route("GET", "/invoices", "view", "active"),
			route("GET", "/invoices/{id}"), route("GET", "/invoices/{id}/edit"), route("GET", "/tickets"),
			route("GET", "/inspector"), route("GET", "/inspector/force-update-tag"), route("GET", "/actuator/health"),
			route("GET", "/actuator/metrics"), route("GET", "/login"),
			route("POST", "/invoices/{id}", "customerName", "Hostile", "status", "sent", "total", "1.00", "version",
					"1", "formOrg", "{org}"),
			route("POST", "/invoices/{id}/archive", "version", "1", "formOrg", "{org}"),
			route("POST", "/invoices/{id}/restore", "version", "1", "formOrg", "{org}"),
			route("POST", "/invoices/{id}/delete", "version", "1", "formOrg", "{org}", "confirm", "yes"),
			route("POST", "/tickets", "title", "Hostile", "body", "x", "formOrg", "{org}", "createKey", "hostile-key"),
			route("POST", "/tickets/{ticket}/status", "status", "done", "formOrg", "{org}"),
			route("POST", "/tickets/{ticket}/delete", "formOrg", "{org}"),
			route("POST", "/orgs/switch", "orgId", "{org}"), route("POST", "/inspector/edit-one"),
			route("POST", "/inspector/archive-one"), route("POST", "/inspector/restore-one"),
			route("POST", "/inspector/delete-one"), route("POST", "/inspector/misuse"),
			route("POST", "/inspector/force-drift", "id", "{id}"),
			route("POST", "/inspector/identity", "username", "{member}"),
			route("POST", "/login", "username", "{member}", "password", "demo"), route("POST", "/logout"));

	/** Bad values for any field: each makes every route that takes fields refuse. */
	static final Map<String, String> BAD_VALUES = badValues();

	/** Free text where a line break or an unusual character is legitimate. */
	static final List<String> TEXT_FIELDS = List.of("customerName", "title", "body", "password");

	/**
	 * Fields a request may leave out; the form's org and one-time key are optional for
	 * scripts and older clients; a delete without {@code confirm} asks first and writes
	 * nothing.
	 */
	static final List<String> OPTIONAL_FIELDS = List.of("body", "view", "formOrg", "createKey", "confirm");

	/**
	 * Changes to a whole request that no route may accept, whatever it takes: each is
	 * named, and each must leave every row as it was.
	 */
	static final Map<String, UnaryOperator<MockHttpServletRequestBuilder>> REFUSED_ALWAYS = refusedAlways();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	TestOrg org;

	TestOrg other;

	TestInvoice invoice;

	TestInvoice archived;

	long ticket;

	@BeforeEach
	void setUp() {
		org = fixtures.org();
		other = fixtures.org();
		invoice = fixtures.invoice(org, "120.50");
		archived = fixtures.invoice(org, "80.00");
		jdbc.sql("UPDATE invoices SET archived_at = updated_at, version = 2 WHERE id = ?")
			.param(archived.id())
			.update();
		ticket = fixtures.ticket(org.id(), "Fixture ticket", "open");
	}

	@TestFactory
	Stream<DynamicTest> everyRouteRefusesEveryMalformedRequestWithoutA5xxOrAWrite() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Route route : ROUTES) {
			for (Map.Entry<String, UnaryOperator<MockHttpServletRequestBuilder>> malformed : REFUSED_ALWAYS
				.entrySet()) {
				tests.add(DynamicTest.dynamicTest(route + " with " + malformed.getKey(),
						() -> refusedWithoutChange(route, malformed.getValue().apply(build(route, route.fields())),
								route.method() == HttpMethod.GET && !malformed.getKey().startsWith("method"))));
			}
			if (!route.takesFields()) {
				continue;
			}
			for (String field : route.fields().keySet()) {
				for (Map.Entry<String, String> bad : badValuesFor(field).entrySet()) {
					Map<String, String> fields = new LinkedHashMap<>(route.fields());
					fields.put(field, bad.getValue());
					tests.add(DynamicTest.dynamicTest(route + " with " + field + " " + bad.getKey(),
							() -> refusedWithoutChange(route, build(route, fields), route.method() == HttpMethod.GET)));
				}
				if (OPTIONAL_FIELDS.contains(field)) {
					continue;
				}
				Map<String, String> missing = new LinkedHashMap<>(route.fields());
				missing.remove(field);
				tests.add(DynamicTest.dynamicTest(route + " without " + field,
						() -> refusedWithoutChange(route, build(route, missing), route.method() == HttpMethod.GET)));
			}
		}
		for (Route route : ROUTES) {
			if (!route.takesId()) {
				continue;
			}
			for (String id : List.of("abc", "-1", "0", "99999999999999999999", "1.5", "1e3", "１", " 1")) {
				tests.add(DynamicTest.dynamicTest(route + " with id '" + id + "'", () -> {
					Map<String, String> fields = new LinkedHashMap<>(route.fields());
					fields.replaceAll((k, v) -> v.equals("{id}") ? id : v);
					String path = route.path().replace("{id}", "{bad}").replace("{ticket}", "{bad}");
					refusedWithoutChange(route, build(new Route(route.method(), path, fields), fields, id), false);
				}));
			}
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> anotherOrgsIdsAreNotFoundOnEveryRoute() {
		return ROUTES.stream()
			.filter(Route::takesId)
			.map(route -> DynamicTest.dynamicTest(route + " as another org's admin", () -> {
				Map<String, Object> before = snapshot();
				// Forms the other admin opened in their own org: the ids decide, not the
				// org check.
				Map<String, String> fields = new LinkedHashMap<>(route.fields());
				fields.computeIfPresent("formOrg", (name, value) -> other.id());
				var response = mvc.perform(asUser(other.admin(), build(route, fields))).andReturn().getResponse();
				assertThat(response.getStatus()).as(route.toString()).isEqualTo(404);
				assertThat(response.getContentAsString()).doesNotContain("Fixture Customer")
					.doesNotContain("Fixture ticket");
				assertThat(snapshot()).isEqualTo(before);
			}));
	}

	private void refusedWithoutChange(Route route, MockHttpServletRequestBuilder request, boolean readOnly)
			throws Exception {
		Map<String, Object> before = snapshot();
		int status = mvc.perform(asUser(org.admin(), request)).andReturn().getResponse().getStatus();
		assertThat(status).as(route.toString()).isLessThan(500);
		if (!readOnly && !route.path().equals("/login")) {
			assertThat(status).as(route + " must refuse").isGreaterThanOrEqualTo(400);
		}
		assertThat(snapshot()).as(route.toString()).isEqualTo(before);
	}

	private MockHttpServletRequestBuilder asUser(String email, MockHttpServletRequestBuilder request) {
		// An address of its own: the failed sign-ins in this table never throttle other
		// tests.
		return request.with(user(email)).with(r -> {
			r.setRemoteAddr("192.0.2.77");
			return r;
		});
	}

	private MockHttpServletRequestBuilder build(Route route, Map<String, String> fields) {
		return build(route, fields, null);
	}

	private MockHttpServletRequestBuilder build(Route route, Map<String, String> fields, String badId) {
		String path = route.path()
			.replace("{id}", Long.toString(route.path().contains("/restore") ? archived.id() : invoice.id()))
			.replace("{ticket}", Long.toString(ticket));
		MockHttpServletRequestBuilder request = badId == null ? request(route.method(), path)
				: request(route.method(), path.replace("{bad}", "{v}"), badId);
		request.accept(MediaType.TEXT_HTML);
		if (route.method() != HttpMethod.GET) {
			request.contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf());
		}
		fields.forEach((name, value) -> request.param(name, resolve(value)));
		return request;
	}

	private String resolve(String value) {
		return switch (value) {
			case "{id}" -> Long.toString(invoice.id());
			case "{org}" -> org.id();
			case "{member}" -> org.member();
			default -> value;
		};
	}

	/** Everything of the org a request could change, plus the other org's summary. */
	private Map<String, Object> snapshot() {
		Map<String, Object> rows = new LinkedHashMap<>();
		rows.put("invoices", jdbc.sql("""
				SELECT id, customer_name, status, total, version, archived_at, deleted_at FROM invoices
				WHERE org_id = ? ORDER BY id""").param(org.id()).query().listOfRows().toString());
		rows.put("tickets",
				jdbc.sql("SELECT id, title, body, status FROM tickets WHERE org_id = ? ORDER BY id")
					.param(org.id())
					.query()
					.listOfRows()
					.toString());
		rows.put("summary",
				jdbc.sql("SELECT active_count, active_total FROM org_invoice_summaries WHERE org_id = ?")
					.param(org.id())
					.query()
					.listOfRows()
					.toString());
		rows.put("audit",
				jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE org_id IN (?, ?)")
					.params(org.id(), other.id())
					.query(Long.class)
					.single());
		return rows;
	}

	private static Route route(String method, String path, String... fields) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			map.put(fields[i], fields[i + 1]);
		}
		return new Route(HttpMethod.valueOf(method), path, Map.copyOf(map));
	}

	/**
	 * Every bad value for a field the app reads strictly (ids, versions, statuses,
	 * amounts, names of things); for free text only what no text field may hold.
	 */
	private static Map<String, String> badValuesFor(String field) {
		if (!TEXT_FIELDS.contains(field)) {
			return BAD_VALUES;
		}
		Map<String, String> values = new LinkedHashMap<>();
		values.put("NUL", BAD_VALUES.get("NUL"));
		values.put("oversized", BAD_VALUES.get("oversized"));
		if (field.equals("customerName")) {
			values.put("escape sequence", BAD_VALUES.get("escape sequence"));
			values.put("line break", BAD_VALUES.get("line break"));
			values.put("empty", BAD_VALUES.get("empty"));
		}
		if (field.equals("title")) {
			values.put("empty", BAD_VALUES.get("empty"));
		}
		return values;
	}

	private static Map<String, String> badValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("NUL", "\u0000");
		values.put("escape sequence", "\u001b[31mred");
		values.put("line break", "a\r\nb");
		values.put("oversized", "x".repeat(100_000));
		values.put("right-to-left override", "\u202Epaid");
		values.put("full-width digit", "１");
		values.put("empty", "");
		return values;
	}

	private static Map<String, UnaryOperator<MockHttpServletRequestBuilder>> refusedAlways() {
		Map<String, UnaryOperator<MockHttpServletRequestBuilder>> changes = new LinkedHashMap<>();
		changes.put("a field sent twice", r -> r.param("version", "1").param("version", "2").param("title", "a", "b"));
		changes.put("a tampered CSRF token", r -> r.with(csrf().useInvalidToken()).param("view", "x", "y"));
		changes.put("method PUT", r -> r.with(request -> {
			request.setMethod("PUT");
			return request;
		}));
		changes.put("method PATCH", r -> r.with(request -> {
			request.setMethod("PATCH");
			return request;
		}));
		changes.put("method DELETE", r -> r.with(request -> {
			request.setMethod("DELETE");
			return request;
		}));
		changes.put("a JSON body and an odd Accept",
				r -> r.contentType(MediaType.APPLICATION_JSON)
					.content("{\"version\":")
					.header("Accept", ",,,,")
					.param("x", "1", "2"));
		changes.put("an unparsable Content-Type", r -> r.header("Content-Type", "no/such;;;x").param("v", "1", "2"));
		changes.put("odd headers",
				r -> r.header("X-Forwarded-Host", "evil.test")
					.header("X-Forwarded-For", "' OR 1=1 --")
					.header("Range", "bytes=--")
					.header("Accept-Charset", "\u0000")
					.header("Referer", "javascript:alert(1)")
					.param("z", "1", "2"));
		return changes;
	}

}
