package io.ledgerline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ledgerline.support.Fixtures;
import io.ledgerline.tagcache.redis.testing.RedisProcess;
import io.ledgerline.tagcache.testing.ManualClock;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sessions across instances, over HTTP: the three instances of {@link TestCluster} on
 * PostgreSQL, like every cluster test (a cluster runs on PostgreSQL only; under CI a
 * missing one fails the run). C never hears A's bus, so only the journal, reached through
 * the causal token, tells it of a session change made elsewhere.
 */
@Tag("cluster")
class SessionClusterTests {

	static final String SESSION = "SESSION";

	static TestCluster cluster;

	static RedisProcess redis;

	static ClusterTests.Instance a;

	static ClusterTests.Instance b;

	static ClusterTests.Instance c;

	Fixtures.TestOrg org;

	Fixtures.TestInvoice invoice;

	@BeforeAll
	static void startCluster() {
		cluster = TestCluster.startOnPostgres();
		redis = cluster.redis();
		a = cluster.a();
		b = cluster.b();
		c = cluster.c();
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@BeforeEach
	void data() {
		// The instances' clocks move in some tests: start each one level, so a session
		// written on one instance is as old on every other.
		Instant latest = cluster.instances()
			.stream()
			.map(i -> i.clock().instant())
			.max(Instant::compareTo)
			.orElseThrow();
		for (ClusterTests.Instance instance : cluster.instances()) {
			ManualClock clock = instance.clock();
			clock.advance(Duration.between(clock.instant(), latest));
		}
		Fixtures fixtures = a.bean(Fixtures.class);
		org = fixtures.org();
		invoice = fixtures.invoice(org, "100.00");
	}

	@Test
	void aSignOutOnAIsASignOutOnEveryInstanceForTheSameCookie() {
		Browser user = signedIn(org.admin());
		assertThat(user.get(b.base(), "/invoices").statusCode()).as("b holds the session now").isEqualTo(200);
		assertThat(user.get(c.base(), "/invoices").statusCode()).as("c too").isEqualTo(200);
		String session = user.cookie(SESSION);

		HttpResponse<String> out = signOut(user, a);
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(out.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
		String token = user.cookie(CausalTokens.COOKIE);
		assertThat(token).as("the sign-out's response carries its journal position").isNotNull();

		// The old cookie, replayed (as a second tab, or a thief, would).
		assertThat(getWith(c, "/invoices", SESSION + "=" + session + "; " + CausalTokens.COOKIE + "=" + token)
			.statusCode()).as("c, which never hears a's bus: the token makes it read the journal").isEqualTo(302);
		awaitWithin("b heard it over the bus", Duration.ofSeconds(2),
				() -> getWith(b, "/invoices", SESSION + "=" + session).statusCode() == 302);
		assertThat(getWith(a, "/invoices", SESSION + "=" + session).statusCode()).isEqualTo(302);
	}

	@Test
	void anOrgSwitchOnAIsTheActiveOrgOnEveryInstance() {
		Fixtures fixtures = a.bean(Fixtures.class);
		Fixtures.TestOrg other = fixtures.org();
		Fixtures.TestInvoice elsewhere = fixtures.invoice(other, "321.00");
		fixtures.user(org.admin(), other.id(), "member");
		Browser user = signedIn(org.admin());
		for (Fixtures.TestInvoice shown : List.of(invoice, elsewhere, invoice)) {
			Fixtures.TestInvoice hidden = shown == invoice ? elsewhere : invoice;
			// Each instance holds the session before the switch.
			assertThat(user.get(b.base(), "/invoices").statusCode()).isEqualTo(200);
			assertThat(user.get(c.base(), "/invoices").statusCode()).isEqualTo(200);
			HttpResponse<String> switched = user.submit(a.base(), "/invoices", a.base(), "/orgs/switch",
					Map.of("orgId", shown.orgId()));
			assertThat(switched.statusCode()).isEqualTo(303);

			assertThat(user.get(c.base(), "/invoices").body()).as("c, through the token")
				.contains(shown.number())
				.doesNotContain(hidden.number());
			assertThat(user.get(b.base(), "/invoices").body()).as("b")
				.contains(shown.number())
				.doesNotContain(hidden.number());
		}
	}

	@Test
	void readsAreServedFromMemoryAndWriteNothingAndTheLastAccessIsWrittenOncePerMinute() {
		Browser user = signedIn(org.member());
		// The first page of a session picks its active org: a change.
		assertThat(user.get(a.base(), "/invoices").statusCode()).isEqualTo(200);
		assertThat(user.get(b.base(), "/invoices").statusCode()).isEqualTo(200);
		String id = sessionId(user);
		long lastAccess = lastAccess(id);
		double writesA = writes(a);
		double writesB = writes(b);
		double memoryA = reads(a, "memory");
		double loadedA = reads(a, "database");
		double loadedB = reads(b, "database");

		for (int i = 0; i < 5; i++) {
			assertThat(user.get(a.base(), "/invoices").statusCode()).isEqualTo(200);
			assertThat(user.get(b.base(), "/invoices/" + invoice.id()).statusCode()).isEqualTo(200);
		}

		assertThat(writes(a)).isEqualTo(writesA);
		assertThat(writes(b)).isEqualTo(writesB);
		// Spring Session's filter looks the session up twice per request.
		assertThat(reads(a, "memory")).isGreaterThanOrEqualTo(memoryA + 5);
		assertThat(reads(a, "database")).isEqualTo(loadedA);
		assertThat(reads(b, "database")).isEqualTo(loadedB);
		assertThat(lastAccess(id)).as("the row is untouched").isEqualTo(lastAccess);

		a.clock().advance(Duration.ofSeconds(61));
		for (int i = 0; i < 3; i++) {
			assertThat(user.get(a.base(), "/invoices").statusCode()).isEqualTo(200);
		}
		assertThat(writes(a)).as("one touch in three requests past the minute").isEqualTo(writesA + 1);
		assertThat(lastAccess(id)).isEqualTo(a.clock().instant().toEpochMilli());
	}

	@Test
	void aSessionKeptAliveOnAIsAliveOnBUntilItsTimeoutPassesEverywhere() {
		Browser user = signedIn(org.member());
		assertThat(user.get(b.base(), "/invoices").statusCode()).as("b holds a copy").isEqualTo(200);

		for (int minute = 10; minute <= 40; minute += 10) {
			a.clock().advance(Duration.ofMinutes(10));
			assertThat(user.get(a.base(), "/invoices").statusCode()).isEqualTo(200);
		}
		b.clock().advance(Duration.ofMinutes(40));
		assertThat(user.get(b.base(), "/invoices").statusCode()).as("b's copy looks expired; the database says no")
			.isEqualTo(200);

		b.clock().advance(Duration.ofMinutes(31));
		assertThat(user.get(b.base(), "/invoices").statusCode()).as("30 min after the last request").isEqualTo(302);
	}

	@Test
	void withRedisDownSessionsSurviveAndASignOutStillReachesEveryInstance() {
		Browser before = signedIn(org.admin());
		assertThat(before.get(b.base(), "/invoices").statusCode()).isEqualTo(200);
		redis.stop();
		try {
			await("both instances degraded", () -> a.follower().isDegraded() && b.follower().isDegraded());
			assertThat(before.get(a.base(), "/invoices").statusCode()).as("signed in before the outage").isEqualTo(200);
			assertThat(before.get(b.base(), "/invoices").statusCode()).isEqualTo(200);

			Browser during = signedIn(org.member());
			assertThat(during.get(b.base(), "/invoices").statusCode()).as("signed in during it").isEqualTo(200);
			assertThat(during.get(c.base(), "/invoices").statusCode()).isEqualTo(200);
			String session = during.cookie(SESSION);
			assertThat(signOut(during, a).statusCode()).isEqualTo(302);
			assertThat(getWith(c, "/invoices",
					SESSION + "=" + session + "; " + CausalTokens.COOKIE + "=" + during.cookie(CausalTokens.COOKIE))
				.statusCode()).as("c, with the token: from the journal").isEqualTo(302);
			// Without the token, b's copy is served for at most the stale bound.
			b.clock().advance(Duration.ofSeconds(6));
			assertThat(getWith(b, "/invoices", SESSION + "=" + session).statusCode()).as("b, past the stale bound")
				.isEqualTo(302);
		}
		finally {
			redis.restart();
		}
		await("every instance back",
				() -> !a.follower().isDegraded() && !b.follower().isDegraded() && !c.follower().isDegraded());
		assertThat(before.get(b.base(), "/invoices").statusCode()).isEqualTo(200);
	}

	// ---------------------------------------------------------------------------------

	Browser signedIn(String email) {
		Browser browser = new Browser();
		assertThat(browser.signIn(a.base(), b.base(), email, Fixtures.PASSWORD).statusCode()).isEqualTo(302);
		return browser;
	}

	static HttpResponse<String> signOut(Browser user, ClusterTests.Instance on) {
		return user.submit(on.base(), "/invoices", on.base(), "/logout", Map.of());
	}

	static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/** A GET with exactly these cookies, and no jar to keep what the response sets. */
	static HttpResponse<String> getWith(ClusterTests.Instance on, String path, String cookies) {
		try {
			return PLAIN.send(HttpRequest.newBuilder(URI.create(on.base() + path))
				.header("Accept", "text/html")
				.header("Cookie", cookies)
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static String sessionId(Browser user) {
		return new String(java.util.Base64.getDecoder().decode(user.cookie(SESSION)));
	}

	static long lastAccess(String id) {
		return a.bean(JdbcClient.class)
			.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	static double writes(ClusterTests.Instance instance) {
		return instance.bean(MeterRegistry.class)
			.get("ledgerline.sessions.writes")
			.counters()
			.stream()
			.mapToDouble(counter -> counter.count())
			.sum();
	}

	static double reads(ClusterTests.Instance instance, String source) {
		return instance.bean(MeterRegistry.class)
			.get("ledgerline.sessions.reads")
			.tag("source", source)
			.counter()
			.count();
	}

	static void await(String what, BooleanSupplier condition) {
		ClusterTests.await(what, condition);
	}

	static void awaitWithin(String what, Duration limit, BooleanSupplier condition) {
		ClusterTests.awaitWithin(what, limit, condition);
	}

}
