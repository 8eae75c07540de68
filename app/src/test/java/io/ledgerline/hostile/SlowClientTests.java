package io.ledgerline.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.ledgerline.hostile.RawHttp.Answer;
import io.ledgerline.hostile.RawHttp.Session;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;
import io.ledgerline.tagcache.testing.ManualClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Clients that announce a body and then send it slowly, or never: over real sockets, from
 * one address (127.0.0.1), without signing in. They may hold only a few request threads,
 * for a bounded time, and everything else keeps answering. A socket read timeout is the
 * detector of a request that never ends (the app answers these in milliseconds); the body
 * deadline is passed by advancing the app's clock, never by waiting.
 */
@IntegrationTest
class SlowClientTests {

	/** application.yml: ledgerline.web.request-body.slow-per-address. */
	static final int SLOTS_PER_ADDRESS = 2;

	static final int SLOW_CLIENTS = 50;

	/** Far above a healthy answer (milliseconds), far below Tomcat's read timeout. */
	static final int ANSWER_WITHIN_MILLIS = 5_000;

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ManualClock clock;

	@Autowired
	Fixtures fixtures;

	RawHttp http;

	final List<Socket> sockets = new ArrayList<>();

	@BeforeEach
	void setUp() {
		http = new RawHttp(port, ANSWER_WITHIN_MILLIS);
	}

	@AfterEach
	void closeSockets() throws IOException {
		for (Socket socket : sockets) {
			socket.close();
		}
		// The server notices the closed sockets and gives their threads back.
		await().atMost(Duration.ofSeconds(20)).until(() -> slowBodies() == 0);
	}

	@Test
	void healthAnswersWhileFiftySlowClientsHoldTheirSockets() throws Exception {
		double refusedBefore = refused("too_many_requests");
		for (int i = 0; i < SLOW_CLIENTS; i++) {
			startSlowPost("/anything", 100_000, "a=1");
		}
		// Asked after all of them, so behind them in the request queue.
		assertThat(http.get("/actuator/health").status()).isEqualTo(200);

		// Two wait for their bodies; every other one was refused at once, not queued.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> slowBodies() == SLOTS_PER_ADDRESS
					&& refused("too_many_requests") - refusedBefore == SLOW_CLIENTS - SLOTS_PER_ADDRESS);

		for (int i = 0; i < 10; i++) {
			assertThat(http.get("/actuator/health").status()).isEqualTo(200);
		}
		assertThat(http.get("/login", "Accept: text/html").status()).isEqualTo(200);
	}

	@Test
	void aSlowBodyBeyondItsAddressSlotsIsRefusedAtOnceWithRetryAfter() throws Exception {
		for (int i = 0; i < SLOTS_PER_ADDRESS; i++) {
			startSlowPost("/anything", 100_000, "a=1");
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> slowBodies() == SLOTS_PER_ADDRESS);

		Answer json = answerOf(startSlowPost("/anything", 100_000, "a=1", "Accept: application/json"));
		assertThat(json.status()).isEqualTo(429);
		assertThat(json.header("Retry-After")).isNotBlank();
		assertThat(json.header("Connection")).isEqualTo("close");
		assertThat(json.body()).contains("\"code\":\"too_many_requests\"").contains("still sending their bodies");
		assertThat(json.header("X-Content-Type-Options")).isEqualTo("nosniff");

		Answer plain = answerOf(startSlowPost("/anything", 100_000, "a=1", "Accept: text/html"));
		assertThat(plain.status()).isEqualTo(429);
		assertThat(plain.header("Content-Type")).startsWith("text/plain");
	}

	@Test
	void aFormWhoseBodyArrivesWithItsHeadersNeedsNoSlot() throws Exception {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Session admin = http.signIn(org.admin(), Fixtures.PASSWORD);
		for (int i = 0; i < SLOTS_PER_ADDRESS; i++) {
			startSlowPost("/anything", 100_000, "a=1");
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> slowBodies() == SLOTS_PER_ADDRESS);

		// Same address, every slot taken: a whole form still goes through.
		Answer archive = http.send("POST", "/invoices/" + invoice.id() + "/archive",
				List.of("Cookie: " + admin.cookie(), "Content-Type: application/x-www-form-urlencoded"),
				"version=1&_csrf=" + URLEncoder.encode(admin.csrf(), StandardCharsets.UTF_8));
		assertThat(archive.status()).isEqualTo(303);
		assertThat(fixtures.row(invoice.id()).archived()).isTrue();
	}

	@Test
	void aBodyStillTricklingAfterItsDeadlineIsRefused() throws Exception {
		double timedOutBefore = refused("request_timeout");
		// Nothing of the body yet: the server is waiting on the socket when the clock
		// moves.
		Socket socket = startSlowPost("/anything", 1_000, "", "Accept: application/json");
		await().atMost(Duration.ofSeconds(20)).until(() -> slowBodies() == 1);

		clock.advance(Duration.ofSeconds(11));
		send(socket, "b");

		Answer answer = answerOf(socket);
		assertThat(answer.status()).isEqualTo(408);
		assertThat(answer.header("Connection")).isEqualTo("close");
		assertThat(answer.body()).contains("\"code\":\"request_timeout\"").contains("10 seconds");
		assertThat(refused("request_timeout") - timedOutBefore).isEqualTo(1);
		await().atMost(Duration.ofSeconds(20)).until(() -> slowBodies() == 0);
	}

	@Test
	void aBodyThatKeepsArrivingWithinItsDeadlineIsServed() throws Exception {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Session admin = http.signIn(org.admin(), Fixtures.PASSWORD);
		String form = "version=1&_csrf=" + URLEncoder.encode(admin.csrf(), StandardCharsets.UTF_8);
		Socket socket = startSlowPost("/invoices/" + invoice.id() + "/archive", form.length(), form.substring(0, 5),
				"Cookie: " + admin.cookie());
		await().atMost(Duration.ofSeconds(20)).until(() -> slowBodies() == 1);

		clock.advance(Duration.ofSeconds(9));
		send(socket, form.substring(5));

		assertThat(answerOf(socket).status()).isEqualTo(303);
		assertThat(fixtures.row(invoice.id()).archived()).isTrue();
	}

	@Test
	void aClientWaitingForContinueIsToldToSendItsBody() throws Exception {
		Socket socket = startSlowPost("/login", 7, "", "Expect: 100-continue", "Accept: application/json");
		byte[] interim = new byte["HTTP/1.1 100".length()];
		socket.getInputStream().readNBytes(interim, 0, interim.length);
		assertThat(new String(interim, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100");

		send(socket, "a=1&b=2");
		// Read in full, it reaches the app: no CSRF token, so 403 from the security
		// filters.
		assertThat(RawHttp.readUntilClosed(socket.getInputStream())).asString(StandardCharsets.ISO_8859_1)
			.contains("HTTP/1.1 403");
	}

	@Test
	void aChunkedFormIsReadAndReplayedToTheApp() throws Exception {
		TestOrg org = fixtures.org();
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Session admin = http.signIn(org.admin(), Fixtures.PASSWORD);
		String form = "version=1&_csrf=" + URLEncoder.encode(admin.csrf(), StandardCharsets.UTF_8);
		Socket socket = open();
		send(socket,
				"POST /invoices/" + invoice.id() + "/archive HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + admin.cookie()
						+ "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
						+ "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(5) + "\r\n"
						+ form.substring(0, 5) + "\r\n" + Integer.toHexString(form.length() - 5) + "\r\n"
						+ form.substring(5) + "\r\n0\r\n\r\n");

		assertThat(answerOf(socket).status()).isEqualTo(303);
		assertThat(fixtures.row(invoice.id()).archived()).isTrue();
	}

	@Test
	void aBodyAnnouncedLargerThanTheLimitIsRefusedWithoutReadingIt() throws Exception {
		Answer answer = answerOf(startSlowPost("/login", 3_000_000, "a=1", "Accept: application/json"));
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("\"code\":\"payload_too_large\"");
	}

	/** Sends a POST's head and the first bytes of its body, then nothing. */
	private Socket startSlowPost(String target, int contentLength, String firstBytes, String... headers)
			throws IOException {
		Socket socket = open();
		StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		head.append("Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\nContent-Length: ")
			.append(contentLength)
			.append("\r\n\r\n")
			.append(firstBytes);
		send(socket, head.toString());
		return socket;
	}

	private Socket open() throws IOException {
		Socket socket = new Socket();
		sockets.add(socket);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
		return socket;
	}

	private static void send(Socket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	/** Everything the server sends until it closes the connection. */
	private static Answer answerOf(Socket socket) throws IOException {
		return RawHttp.parse(RawHttp.readUntilClosed(socket.getInputStream()));
	}

	private double slowBodies() {
		Gauge gauge = meters.find("ledgerline.request.body.slow").gauge();
		return gauge == null ? -1 : gauge.value();
	}

	private double refused(String reason) {
		Counter counter = meters.find("ledgerline.request.body.refused").tag("reason", reason).counter();
		return counter == null ? 0 : counter.count();
	}

}
