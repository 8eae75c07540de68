package io.ledgerline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.inspector.ListInvalidationMisuse;
import io.ledgerline.support.Fixtures;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.TagInvalidation;
import io.ledgerline.tagcache.jdbc.InvalidationJournal;
import io.ledgerline.tagcache.jdbc.JournalFollower;
import io.ledgerline.tagcache.jdbc.JournalPruner;
import io.ledgerline.tagcache.redis.testing.RedisProcess;
import io.ledgerline.tenancy.UserTags;
import io.ledgerline.tagcache.testing.ManualClock;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Three real instances on one PostgreSQL schema and one private Redis
 * ({@link TestCluster}).
 */
@Tag("cluster")
class ClusterTests {

	static TestCluster cluster;

	static RedisProcess redis;

	static Instance a;

	static Instance b;

	static Instance c;

	Fixtures.TestOrg org;

	Fixtures.TestInvoice invoice;

	record Instance(String name, ConfigurableApplicationContext context, String base) {

		<T> T bean(Class<T> type) {
			return context.getBean(type);
		}

		ManualClock clock() {
			return context.getBean(ManualClock.class);
		}

		JournalFollower follower() {
			return context.getBean(JournalFollower.class);
		}

		TagCache cache() {
			return context.getBean(TagCache.class);
		}

	}

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
		Fixtures fixtures = a.bean(Fixtures.class);
		org = fixtures.org();
		invoice = fixtures.invoice(org, "100.00");
	}

	@Test
	void signInOnOneInstanceWorksOnTheOthersWithTheSessionTheCsrfTokenAndTheToast() {
		Browser user = new Browser();

		HttpResponse<String> login = user.signIn(a.base(), b.base(), org.admin(), Fixtures.PASSWORD);
		assertThat(login.statusCode()).as("the CSRF token from a's session is accepted on b").isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/invoices"));
		HttpResponse<String> list = user.get(c.base(), "/invoices");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(invoice.number());
		assertThat(list.headers().firstValue(ClusterFilter.INSTANCE_HEADER)).hasValue("c");

		HttpResponse<String> saved = edit(user, a, b, "150.00");
		assertThat(saved.statusCode()).isEqualTo(303);
		String location = saved.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> landed = user.get(c.base(), location.replaceFirst("^https?://[^/]+", ""));
		assertThat(landed.body()).as("b's flash toast, shown by c")
			.contains("data-testid=\"toast\"")
			.contains("150.00");
	}

	@Test
	void anEditOnAIsOnTheNextRenderOfAnInstanceThatNeverHeardOfItThroughTheCausalToken() {
		Browser writer = signedIn(org.admin());
		Browser other = signedIn(org.member());
		assertThat(writer.get(c.base(), "/invoices").body()).contains("100.00");
		assertThat(other.get(c.base(), "/invoices").body()).contains("100.00");

		assertThat(edit(writer, a, a, "222.00").statusCode()).isEqualTo(303);
		assertThat(writer.cookie(CausalTokens.COOKIE)).as("the write's response carries its position").isNotNull();
		// The render below shows the toast, a session change of c's own with a later
		// token.
		long written = tokenPosition(writer);

		assertThat(writer.get(c.base(), "/invoices").body()).as("the writer's next render, on c").contains("222.00");
		assertThat(c.follower().position()).isGreaterThanOrEqualTo(written);
	}

	@Test
	void aForgedOrForeignTokenChangesNothingOnAnInstanceThatNeverHeardOfTheWriteWhileTheRealOneMakesItFresh() {
		Browser writer = signedIn(org.admin());
		assertThat(writer.get(c.base(), "/invoices").body()).as("cached on c").contains("100.00");
		assertThat(edit(writer, a, a, "246.00").statusCode()).isEqualTo(303);
		String real = writer.cookie(CausalTokens.COOKIE);
		long written = tokenPosition(writer);
		long position = c.follower().position();
		long reads = c.follower().catchUps();
		assertThat(position).as("c never heard of the write").isLessThan(written);

		String signature = real.substring(real.indexOf('.') + 1);
		List<String> forgeries = List.of(written + "." + "A".repeat(signature.length()),
				new CausalTokens("another-cluster-secret-" + UUID.randomUUID()).sign(written),
				(written + 1) + "." + signature, Long.MAX_VALUE + "." + signature, "not-a-token");
		for (String forged : forgeries) {
			writer.setCookie(c.base(), CausalTokens.COOKIE, forged);
			HttpResponse<String> page = writer.get(c.base(), "/invoices");
			assertThat(page.body()).as(forged).contains("100.00").doesNotContain("246.00");
			assertThat(page.headers().allValues("Set-Cookie")).as("cleared: " + forged)
				.anySatisfy(cookie -> assertThat(cookie).startsWith(CausalTokens.COOKIE + "=;").contains("1970"));
			assertThat(writer.cookie(CausalTokens.COOKIE)).isNull();
			assertThat(c.follower().position()).as(forged).isEqualTo(position);
			assertThat(c.follower().catchUps()).as("no journal read for " + forged).isEqualTo(reads);
		}

		writer.setCookie(c.base(), CausalTokens.COOKIE, real);
		assertThat(writer.get(c.base(), "/invoices").body()).as("the real token").contains("246.00");
		assertThat(c.follower().position()).isGreaterThanOrEqualTo(written);
		assertThat(c.follower().catchUps()).isEqualTo(reads + 1);
	}

	@Test
	void anEditOnAReachesEveryOtherUsersRenderOnBOverTheBus() {
		Browser writer = signedIn(org.admin());
		Browser other = signedIn(org.member());
		assertThat(other.get(b.base(), "/invoices").body()).contains("100.00");

		assertThat(edit(writer, a, a, "333.00").statusCode()).isEqualTo(303);
		long done = System.nanoTime();

		// No token: only the bus can tell b.
		awaitWithin("b renders the new total for another user", Duration.ofSeconds(2),
				() -> other.get(b.base(), "/invoices").body().contains("333.00"));
		long elapsedMicros = (System.nanoTime() - done) / 1_000;
		System.out.println("[cluster] edit on a visible to another user on b after " + elapsedMicros + " µs");
	}

	@Test
	void revalidateTagMaxOnAGivesExactlyOneStaleRenderOnBThenFresh() {
		Browser other = signedIn(org.member());
		assertThat(other.get(b.base(), "/invoices").body()).contains("100.00");
		a.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("UPDATE invoices SET total = 444.00 WHERE id = ?")
			.param(invoice.id())
			.update();
		List<TagInvalidation> heard = new CopyOnWriteArrayList<>();
		b.follower().subscribe(heard::add);
		ThreadPoolExecutor refreshes = (ThreadPoolExecutor) b.context()
			.getBean("cacheRefreshExecutor", java.util.concurrent.ExecutorService.class);
		long refreshed = refreshes.getCompletedTaskCount();

		a.cache().revalidateTag(InvoiceTags.list(org.id()), "max");
		await("b heard it", () -> heard.stream().anyMatch(m -> m.tag().equals(InvoiceTags.list(org.id()))));

		assertThat(other.get(b.base(), "/invoices").body()).as("the one stale render").contains("100.00");
		await("b's background refresh finished", () -> refreshes.getCompletedTaskCount() > refreshed);
		assertThat(other.get(b.base(), "/invoices").body()).as("then fresh").contains("444.00");
	}

	@Test
	void aTicketChangeOnARerendersBsBoard() {
		Browser writer = signedIn(org.admin());
		Browser other = signedIn(org.member());
		assertThat(other.get(b.base(), "/tickets").statusCode()).isEqualTo(200);
		String title = "Cluster ticket " + UUID.randomUUID().toString().substring(0, 6);

		HttpResponse<String> created = writer.submit(a.base(), "/tickets", a.base(), "/tickets",
				Map.of("title", title, "body", "seen everywhere"));
		assertThat(created.statusCode()).isEqualTo(303);

		awaitWithin("b's board shows it", Duration.ofSeconds(2),
				() -> other.get(b.base(), "/tickets").body().contains(title));
	}

	@Test
	void aRoleChangeOnAIsTheUsersRoleOnTheirNextRequestOnB() {
		Browser admin = signedIn(org.admin());
		Browser member = signedIn(org.member());
		long memberId = a.bean(Fixtures.class).userId(org.member());
		assertThat(member.get(b.base(), "/members").statusCode()).as("b holds the member's seats").isEqualTo(403);

		changeSeat(admin, "/members/" + memberId + "/role", Map.of("role", "admin"));
		HttpResponse<String> members = member.get(b.base(), "/members");
		assertThat(members.statusCode()).as("promoted on a, an admin on b").isEqualTo(200);
		assertThat(members.body()).contains("data-testid=\"current-role\">admin<");

		changeSeat(admin, "/members/" + memberId + "/role", Map.of("role", "member"));
		assertThat(member.get(b.base(), "/members").statusCode()).as("demoted on a, refused on b").isEqualTo(403);
		assertThat(member.get(b.base(), "/invoices?view=all").statusCode()).isEqualTo(403);
	}

	@Test
	void aSeatRemovedOnAIsRefusedOnTheUsersNextRequestOnB() {
		Browser admin = signedIn(org.admin());
		Browser member = signedIn(org.member());
		long memberId = a.bean(Fixtures.class).userId(org.member());
		assertThat(member.get(b.base(), "/invoices/" + invoice.id()).statusCode()).isEqualTo(200);

		changeSeat(admin, "/members/" + memberId + "/remove", Map.of());

		assertThat(member.get(b.base(), "/invoices/" + invoice.id()).statusCode()).isEqualTo(403);
		assertThat(member.get(b.base(), "/invoices").statusCode()).isEqualTo(403);
	}

	/**
	 * An admin's change of a seat on a, then until b heard it over the bus: the user's
	 * next request on b is the first after that (the bus is how b learns of a write it
	 * has no token for; how long that took is printed).
	 */
	void changeSeat(Browser admin, String path, Map<String, String> fields) {
		List<TagInvalidation> heard = new CopyOnWriteArrayList<>();
		b.follower().subscribe(heard::add);
		String userTag = UserTags.user(org.member());
		HttpResponse<String> changed = admin.submit(a.base(), "/members", a.base(), path, fields);
		assertThat(changed.statusCode()).isEqualTo(303);
		long done = System.nanoTime();
		awaitWithin("b heard the change of the user's seats", Duration.ofSeconds(2),
				() -> heard.stream().anyMatch(m -> m.tag().equals(userTag)));
		System.out.println("[cluster] seat change on a heard by b after " + (System.nanoTime() - done) / 1_000 + " µs");
	}

	@Test
	void theInspectorsMisuseToggleIsOneValueForTheCluster() {
		Browser admin = signedIn(org.admin());
		try {
			HttpResponse<String> toggled = admin.submit(a.base(), "/inspector", a.base(), "/inspector/misuse",
					Map.of());
			assertThat(toggled.statusCode()).isEqualTo(303);
			for (Instance instance : List.of(a, b, c)) {
				assertThat(instance.bean(ListInvalidationMisuse.class).isOn(org.id())).as(instance.name()).isTrue();
			}
			assertThat(admin.get(c.base(), "/inspector").body()).as("c's inspector shows a's switch")
				.containsPattern("data-testid=\"misuse-toggle\"[^>]*>\\s*on\\s*<");
		}
		finally {
			a.bean(ListInvalidationMisuse.class).set(false);
		}
		assertThat(c.bean(ListInvalidationMisuse.class).isOn(org.id())).isFalse();
	}

	@Test
	void withRedisGoneEverythingAnswersNothingOlderThanTheBoundIsServedAndTheMissedInvalidationIsAppliedWhenItReturns() {
		Browser writer = signedIn(org.admin());
		Browser other = signedIn(org.member());
		assertThat(other.get(b.base(), "/invoices").body()).contains("100.00");

		redis.stop();
		try {
			await("both instances degraded", () -> a.follower().isDegraded() && b.follower().isDegraded());
			HttpResponse<String> health = writer.get(a.base(), "/actuator/health", "application/json");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("DEGRADED");

			// Reads and writes keep answering.
			List<Integer> statuses = new ArrayList<>();
			statuses.add(other.get(b.base(), "/invoices").statusCode());
			statuses.add(writer.get(a.base(), "/invoices/" + invoice.id()).statusCode());
			HttpResponse<String> saved = edit(writer, a, a, "555.00");
			statuses.add(saved.statusCode());
			statuses.add(writer.get(b.base(), "/tickets").statusCode());
			assertThat(statuses).allSatisfy(s -> assertThat(s).isLessThan(500));

			// Nothing older than the bound: b's clock moves past it, b reloads.
			b.clock().advance(Duration.ofSeconds(6));
			String page = other.get(b.base(), "/invoices").body();
			assertThat(fetchedAt(page, "list-fetched-at")).isAfterOrEqualTo(b.clock().instant().minusSeconds(5));
		}
		finally {
			redis.restart();
		}
		// An invalidation made while Redis was down, with b holding an entry from before
		// it that is within the bound: only the journal can condemn it.
		assertThat(other.get(b.base(), "/invoices").body()).contains("555.00");
		Browser third = signedIn(org.member());
		a.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("UPDATE invoices SET total = 666.00 WHERE id = ?")
			.param(invoice.id())
			.update();
		assertThat(third.get(b.base(), "/invoices").body()).as("cached on b").contains("555.00");
		redis.stop();
		try {
			await("b degraded again", () -> b.follower().isDegraded());
			assertThat(edit(writer, a, a, "777.00").statusCode()).isEqualTo(303);
		}
		finally {
			redis.restart();
		}
		await("every instance back",
				() -> !a.follower().isDegraded() && !b.follower().isDegraded() && !c.follower().isDegraded());
		assertThat(third.get(b.base(), "/invoices").body())
			.as("Redis came back empty; b caught up from the journal on reconnect, no restart")
			.contains("777.00");
		assertThat(writer.get(a.base(), "/actuator/health", "application/json").body()).doesNotContain("DEGRADED");
	}

	@Test
	void afterAFlushOfRedisInvalidationsStillReachEveryInstance() throws Exception {
		Browser writer = signedIn(org.admin());
		Browser other = signedIn(org.member());
		assertThat(edit(writer, a, a, "120.00").statusCode()).isEqualTo(303);
		assertThat(other.get(b.base(), "/invoices").body()).contains("120.00");

		Process flush = new ProcessBuilder("redis-cli", "-p", Integer.toString(redis.port()), "FLUSHALL").start();
		assertThat(flush.waitFor()).isZero();

		assertThat(edit(writer, a, a, "130.00").statusCode()).isEqualTo(303);
		awaitWithin("b renders the edit made after the flush", Duration.ofSeconds(2),
				() -> other.get(b.base(), "/invoices").body().contains("130.00"));
	}

	@Test
	void anInstanceBehindTheJournalWindowCondemnsEverythingItHoldsAndServesNothingStale() {
		Browser writer = signedIn(org.admin());
		Browser other = signedIn(org.member());
		assertThat(other.get(c.base(), "/invoices").body()).as("cached on c").contains("100.00");
		assertThat(other.get(c.base(), "/tickets").statusCode()).isEqualTo(200);
		String ticketsRenderedAt = renderedAt(other.get(c.base(), "/tickets").body());
		// So that a page rendered again shows another time.
		c.clock().advance(Duration.ofMillis(1));
		double condemned = condemnedByJournal(c);

		assertThat(edit(writer, a, a, "888.00").statusCode()).isEqualTo(303);
		// c never hears a's bus; before it reads the journal, the window passes and the
		// row of that edit is pruned (by an instance whose clock is two hours on).
		long position = c.follower().position();
		long written = tokenPosition(writer);
		assertThat(a.bean(JournalPruner.class).prune(a.clock().instant().plus(Duration.ofHours(2)))).isPositive();
		assertThat(a.bean(InvalidationJournal.class).prunedThrough()).isGreaterThan(position);

		assertThat(writer.get(c.base(), "/invoices").body()).as("the writer, on c: its token makes c read the journal")
			.contains("888.00");
		assertThat(condemnedByJournal(c)).isEqualTo(condemned + 1);
		assertThat(c.follower().position()).isGreaterThanOrEqualTo(written);
		assertThat(other.get(c.base(), "/invoices").body()).as("another user's entry on c, condemned with the rest")
			.contains("888.00");
		assertThat(renderedAt(other.get(c.base(), "/tickets").body()))
			.as("a page the missed row never named is rendered again too")
			.isNotEqualTo(ticketsRenderedAt);
		assertThat(writer.get(c.base(), "/actuator/health", "application/json").body())
			.containsPattern("\"condemnedEverything\":[1-9]");
	}

	@Test
	void aHealthyInstanceKeepsUpAndIsNotMistakenForOneBehindTheWindow() {
		Browser writer = signedIn(org.admin());
		Browser other = signedIn(org.member());
		assertThat(other.get(b.base(), "/invoices").body()).contains("100.00");
		assertThat(edit(writer, a, a, "999.00").statusCode()).isEqualTo(303);
		awaitWithin("b heard it over the bus", Duration.ofSeconds(2),
				() -> other.get(b.base(), "/invoices").body().contains("999.00"));
		String renderedAt = renderedAt(other.get(b.base(), "/tickets").body());
		b.clock().advance(Duration.ofMillis(1));
		double condemned = condemnedByJournal(b);

		// Two ticks of b's poller while the bus is up (the test's interval is an hour).
		b.follower().keepUp();
		b.follower().keepUp();
		assertThat(b.follower().position()).isGreaterThanOrEqualTo(tokenPosition(writer));
		a.bean(JournalPruner.class).prune(a.clock().instant().plus(Duration.ofHours(2)));
		b.follower().catchUp();

		assertThat(condemnedByJournal(b)).isEqualTo(condemned);
		assertThat(renderedAt(other.get(b.base(), "/tickets").body())).as("still cached").isEqualTo(renderedAt);
	}

	static double condemnedByJournal(Instance instance) {
		return instance.bean(MeterRegistry.class)
			.get("ledgerline.cluster.cache.condemned")
			.tag("cause", "journal-pruned")
			.functionCounter()
			.count();
	}

	static String renderedAt(String page) {
		Matcher m = Pattern.compile("data-testid=\"tickets-rendered-at\"[^>]*datetime=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).as("tickets-rendered-at on the page").isTrue();
		return m.group(1);
	}

	@Test
	void healthShowsItsStatusToEveryoneAndItsComponentsToAdminsOnly() {
		HttpResponse<String> anonymous = new Browser().get(a.base(), "/actuator/health", "application/json");
		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\":\"UP\"")
			.doesNotContain("components")
			.doesNotContain("journalPosition");
		assertThat(signedIn(org.member()).get(a.base(), "/actuator/health", "application/json").body())
			.as("a member who is no admin")
			.contains("\"status\":\"UP\"")
			.doesNotContain("components");
		assertThat(signedIn(org.admin()).get(a.base(), "/actuator/health", "application/json").body()).as("an admin")
			.contains("\"status\":\"UP\"")
			.contains("invalidationBus")
			.contains("journalPosition");
		assertThat(new Browser().get(a.base(), "/actuator/health/readiness", "application/json").body())
			.contains("\"status\":\"UP\"");

		// What a balancer or cluster.sh reads: only DEGRADED still serves.
		HttpCodeStatusMapper codes = a.bean(HealthEndpointGroups.class).getPrimary().getHttpCodeStatusMapper();
		assertThat(codes.getStatusCode(Status.DOWN)).isEqualTo(503);
		assertThat(codes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
		assertThat(codes.getStatusCode(InvalidationBusHealth.DEGRADED)).isEqualTo(200);
		assertThat(codes.getStatusCode(Status.UP)).isEqualTo(200);
	}

	// ---------------------------------------------------------------------------------

	Browser signedIn(String email) {
		Browser browser = new Browser();
		assertThat(browser.signIn(a.base(), b.base(), email, Fixtures.PASSWORD).statusCode()).isEqualTo(302);
		return browser;
	}

	/** The edit form from {@code from}, posted to {@code to}. */
	HttpResponse<String> edit(Browser user, Instance from, Instance to, String total) {
		String form = user.get(from.base(), "/invoices/" + invoice.id() + "/edit").body();
		Matcher version = Pattern.compile("name=\"version\"\\s+value=\"(\\d+)\"").matcher(form);
		assertThat(version.find()).as("version field in the edit form").isTrue();
		return user.post(to.base(), "/invoices/" + invoice.id(), Map.of("_csrf", Browser.csrf(form), "customerName",
				"Fixture Customer", "status", "draft", "total", total, "version", version.group(1)));
	}

	static long tokenPosition(Browser browser) {
		String token = browser.cookie(CausalTokens.COOKIE);
		return Long.parseLong(token.substring(0, token.indexOf('.')));
	}

	static Instant fetchedAt(String page, String testId) {
		Matcher m = Pattern.compile("data-testid=\"" + testId + "\"\\s+datetime=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).as(testId + " on the page").isTrue();
		return Instant.parse(m.group(1));
	}

	static void await(String what, BooleanSupplier condition) {
		awaitWithin(what, Duration.ofSeconds(15), condition);
	}

	static void awaitWithin(String what, Duration limit, BooleanSupplier condition) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out after " + limit + " waiting until " + what);
			}
			Thread.onSpinWait();
		}
	}

}
