package io.ledgerline.config;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Warms the instance up before its port opens. A fresh JVM served its first requests in
 * seconds (class loading, the interpreter, Thymeleaf parsing its templates, the first
 * session row), and a load balancer sends traffic to an instance as soon as it accepts
 * connections: so nothing accepts them until this ran. Between the seeds and the web
 * server's start (lifecycle phases), it opens a second connector of the same protocol on
 * a random loopback port, sends it real requests through the whole stack (Tomcat, the
 * security filters, sessions, CSRF, Thymeleaf, Jackson, the health indicators and the
 * database pool), and closes it; only then does the web server open its port, and
 * readiness turns to ACCEPTING_TRAFFIC after that. Signed-in pages need a user, which the
 * warm-up must not invent: they share all of this but their own template and queries,
 * which stay cold until their first real request (docs/BENCHMARKS.md).
 *
 * <p>
 * Bounded: at most {@code ledgerline.warm-up.rounds} rounds, stopping after
 * {@code ledgerline.warm-up.max-time}; a failed request is logged, never fatal (a cold
 * instance is better than none).
 */
@Component
class WarmUpBeforeServing implements SmartLifecycle {

	/** Just before the web server, which starts at this phase. */
	static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;

	/** What one round asks, and the answer each gets when the app works. */
	static final List<Ask> ROUND = List.of(new Ask("/login", "text/html", 200),
			// Out of service (503) until the instance is ready, which is after this.
			new Ask("/actuator/health", "application/json", 503), new Ask("/css/app.css", "text/css", 200),
			new Ask("/js/app.js", "text/javascript", 200),
			// Signed-in pages without a session: the redirect, and the API's 401 JSON.
			new Ask("/invoices", "text/html", 302), new Ask("/invoices", "application/json", 401));

	private static final Logger log = LoggerFactory.getLogger(WarmUpBeforeServing.class);

	/** A {@link WebServerApplicationContext} when there is a server to warm up. */
	private final ApplicationContext context;

	private final TomcatServletWebServerFactory factory;

	private final int rounds;

	private final Duration maxTime;

	private volatile Report report;

	WarmUpBeforeServing(ApplicationContext context, TomcatServletWebServerFactory factory,
			@Value("${ledgerline.warm-up.rounds:10}") int rounds,
			@Value("${ledgerline.warm-up.max-time:10s}") Duration maxTime) {
		this.context = context;
		this.factory = factory;
		this.rounds = rounds;
		this.maxTime = maxTime;
	}

	record Ask(String path, String accept, int expected) {
	}

	/**
	 * What the warm-up did: the statuses of its first round, how many rounds, how long.
	 */
	record Report(List<Integer> firstRound, int rounds, Duration took, long finishedAtMillis) {
	}

	@Override
	public void start() {
		if (!(this.context instanceof WebServerApplicationContext web)
				|| !(web.getWebServer() instanceof TomcatWebServer server) || this.rounds <= 0) {
			this.report = new Report(List.of(), 0, Duration.ZERO, System.currentTimeMillis());
			return;
		}
		long began = System.nanoTime();
		Tomcat tomcat = server.getTomcat();
		Connector loopback = new Connector(this.factory.getProtocol());
		loopback.setPort(0);
		loopback.setProperty("address", "127.0.0.1");
		tomcat.getService().addConnector(loopback);
		List<Integer> first = new ArrayList<>();
		int done = 0;
		try {
			String base = "http://127.0.0.1:" + loopback.getLocalPort();
			// One visitor: the session the first request opens is the one the others use.
			HttpClient client = HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(5))
				.cookieHandler(new CookieManager())
				.build();
			long deadline = began + this.maxTime.toNanos();
			while (done < this.rounds && System.nanoTime() < deadline) {
				for (Ask ask : ROUND) {
					int status = send(client, base, ask);
					if (done == 0) {
						first.add(status);
					}
				}
				done++;
			}
		}
		finally {
			tomcat.getService().removeConnector(loopback);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - began);
		this.report = new Report(Collections.unmodifiableList(first), done, took, System.currentTimeMillis());
		log.info("Warmed up before serving: {} round(s) of {} requests in {} ms", done, ROUND.size(), took.toMillis());
	}

	private static int send(HttpClient client, String base, Ask ask) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + ask.path()))
			.header("Accept", ask.accept())
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status != ask.expected()) {
				log.warn("Warm-up: {} ({}) answered {}, expected {}", ask.path(), ask.accept(), status, ask.expected());
			}
			return status;
		}
		catch (IOException failed) {
			log.warn("Warm-up: {} failed: {}", ask.path(), failed.toString());
			return -1;
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** Null until the warm-up ran. */
	Report report() {
		return this.report;
	}

	@Override
	public void stop() {
		// Nothing to release: the loopback connector is gone once start returns.
	}

	@Override
	public boolean isRunning() {
		return this.report != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
