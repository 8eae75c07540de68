package io.ledgerline.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ledgerline.support.IntegrationTest;
import io.ledgerline.tagcache.LocalInvalidationBus;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.testing.ManualClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Two "instances" (two repositories, each with its own cache and clock, on one in-process
 * bus) over the run's real database (H2, or PostgreSQL in its tier). The cluster tier
 * (SessionClusterTests) does the same over HTTP, Redis and the journal.
 */
@IntegrationTest
class CachedSessionRepositoryTests {

	static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

	static final Duration TIMEOUT = Duration.ofMinutes(30);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	LocalInvalidationBus bus;

	Instance a;

	Instance b;

	record Instance(CachedSessionRepository sessions, ManualClock clock, MeterRegistry meters) {

		double reads(String source) {
			return meters.get("ledgerline.sessions.reads").tag("source", source).counter().count();
		}

		double writes() {
			return meters.get("ledgerline.sessions.writes").counters().stream().mapToDouble(c -> c.count()).sum();
		}

		double writes(String kind) {
			return meters.get("ledgerline.sessions.writes").tag("kind", kind).counter().count();
		}

	}

	@BeforeEach
	void instances() {
		bus = new LocalInvalidationBus();
		a = instance("a");
		b = instance("b");
	}

	Instance instance(String name) {
		ManualClock clock = new ManualClock(START);
		TagCache cache = TagCache.builder().clock(clock).instanceId(name).bus(bus).maximumSize(1_000).build();
		MeterRegistry meters = new SimpleMeterRegistry();
		CachedSessionRepository sessions = new CachedSessionRepository(cache, new SessionRows(jdbc),
				new TransactionTemplate(transactionManager), clock,
				new SessionProperties(TIMEOUT, Duration.ofMinutes(1), Duration.ofMinutes(1)),
				new SerializingConverter()::convert, new DeserializingConverter()::convert, new SessionMetrics(meters));
		return new Instance(sessions, clock, meters);
	}

	String signedIn(Instance on) {
		CachedSession session = on.sessions().createSession();
		session.setAttribute("user", "ada@example.test");
		on.sessions().save(session);
		return session.getId();
	}

	/** What Spring Session's filter does with a request's session: find, touch, save. */
	static CachedSession request(Instance on, String id) {
		CachedSession session = on.sessions().findById(id);
		if (session != null) {
			session.setLastAccessedTime(Instant.now());
			on.sessions().save(session);
		}
		return session;
	}

	@Test
	void aReadIsServedFromMemoryAfterTheFirstAndWritesNothing() {
		String id = signedIn(a);
		Row before = row(id);

		for (int i = 0; i < 5; i++) {
			a.clock().advance(Duration.ofSeconds(10));
			assertThat((String) request(a, id).getAttribute("user")).isEqualTo("ada@example.test");
		}

		assertThat(a.reads("database")).isEqualTo(1);
		assertThat(a.reads("memory")).isEqualTo(4);
		assertThat(a.writes()).as("only the sign-in").isEqualTo(1);
		assertThat(row(id)).as("the row and its attributes, untouched").isEqualTo(before);
	}

	@Test
	void theLastAccessIsWrittenAtMostOncePerTouchInterval() {
		String id = signedIn(a);
		List<Long> written = new ArrayList<>();
		for (int second = 15; second <= 180; second += 15) {
			a.clock().advance(Duration.ofSeconds(15));
			request(a, id);
			written.add(row(id).lastAccess());
		}

		assertThat(a.writes("touched")).as("3 minutes of requests every 15 s").isEqualTo(3);
		assertThat(written.stream().distinct().toList()).containsExactly(START.toEpochMilli(),
				START.plusSeconds(60).toEpochMilli(), START.plusSeconds(120).toEpochMilli(),
				START.plusSeconds(180).toEpochMilli());
		assertThat(row(id).expiry()).isEqualTo(START.plusSeconds(180).plus(TIMEOUT).toEpochMilli());
		assertThat(a.reads("database")).as("a touch announces nothing: the copy stays").isEqualTo(1);
	}

	@Test
	void aCopyThatLooksExpiredIsCheckedAgainstTheDatabaseBeforeItIsBelieved() {
		String id = signedIn(a);
		assertThat(b.sessions().findById(id)).as("b holds a copy from the start").isNotNull();

		// a keeps the session alive for 40 minutes; b hears nothing of it.
		for (int minute = 5; minute <= 40; minute += 5) {
			a.clock().advance(Duration.ofMinutes(5));
			assertThat(request(a, id)).isNotNull();
		}
		b.clock().advance(Duration.ofMinutes(35));
		assertThat(b.sessions().findById(id)).as("b's copy is 35 min old, the session is not").isNotNull();
		assertThat(b.reads("database")).isEqualTo(2);

		b.clock().advance(Duration.ofMinutes(36));
		assertThat(b.sessions().findById(id)).as("30 min after a's last request").isNull();
		a.clock().advance(Duration.ofMinutes(31));
		assertThat(a.sessions().findById(id)).isNull();
	}

	@Test
	void aChangeSignOutOrNewIdOnOneInstanceDropsTheOthersCopy() {
		String id = signedIn(a);
		assertThat((String) b.sessions().findById(id).getAttribute("org")).isNull();

		CachedSession onA = a.sessions().findById(id);
		onA.setAttribute("org", "acme");
		a.sessions().save(onA);
		assertThat((String) b.sessions().findById(id).getAttribute("org")).isEqualTo("acme");

		CachedSession again = a.sessions().findById(id);
		String newId = again.changeSessionId();
		a.sessions().save(again);
		assertThat(b.sessions().findById(id)).as("the old id").isNull();
		assertThat((String) b.sessions().findById(newId).getAttribute("org")).isEqualTo("acme");

		a.sessions().deleteById(newId);
		assertThat(b.sessions().findById(newId)).as("signed out").isNull();
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM spring_session_attributes a JOIN spring_session s"
					+ " ON s.primary_id = a.session_primary_id WHERE s.session_id IN (?, ?)")
			.params(id, newId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void requestsOfOneSessionAddingTheSameAttributeAtOnceAllSucceed() throws Exception {
		String id = signedIn(a);
		int requests = 8;
		List<CachedSession> copies = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			copies.add((i % 2 == 0 ? a : b).sessions().findById(id));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(requests);
		try {
			List<Future<?>> saves = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				CachedSession copy = copies.get(i);
				String value = "value-" + i;
				Instance on = i % 2 == 0 ? a : b;
				saves.add(threads.submit(() -> {
					start.await();
					copy.setAttribute("flash", value);
					on.sessions().save(copy);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> save : saves) {
				save.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat((String) a.sessions().findById(id).getAttribute("flash")).startsWith("value-");
		assertThat((String) a.sessions().findById(id).getAttribute("user")).isEqualTo("ada@example.test");
	}

	@Test
	void expiredSessionsAreDeletedByTheCleanup() {
		String id = signedIn(a);
		ExpiredSessionCleanup cleanup = new ExpiredSessionCleanup(new SessionRows(jdbc), a.clock());
		cleanup.run();
		assertThat(rowCount(id)).isOne();
		a.clock().advance(TIMEOUT.plusSeconds(1));
		assertThat(cleanup.run()).isPositive();
		assertThat(rowCount(id)).isZero();
	}

	@Test
	void aMalformedIdCostsNoDatabaseRead() {
		assertThat(a.sessions().findById("not-a-session")).isNull();
		assertThat(a.sessions().findById("00000000-0000-0000-0000-000000000000")).isNull();
		assertThat(a.reads("database")).as("only the well-formed one").isEqualTo(1);
	}

	record Row(long lastAccess, long expiry, List<String> attributes) {
	}

	Row row(String id) {
		return jdbc.sql("""
				SELECT s.last_access_time, s.expiry_time, a.attribute_name
				FROM spring_session s
				LEFT JOIN spring_session_attributes a ON a.session_primary_id = s.primary_id
				WHERE s.session_id = ? ORDER BY a.attribute_name""")
			.param(id)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), List.of(String.valueOf(rs.getString(3)))))
			.list()
			.stream()
			.reduce((x, y) -> new Row(x.lastAccess(), x.expiry(),
					java.util.stream.Stream.concat(x.attributes().stream(), y.attributes().stream()).toList()))
			.orElseThrow();
	}

	int rowCount(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

}
