package io.ledgerline.warmup;

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
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;

import io.ledgerline.invoices.web.InvoicePagesWarmUp;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.tenancy.Role;
import io.ledgerline.tenancy.SignedInWarmUp;
import io.ledgerline.web.CspNonce;

/**
 * Warms the instance up before its port opens. A fresh JVM served its first requests in
 * seconds (class loading, the interpreter, Thymeleaf parsing its templates, the first
 * session row), and a load balancer sends traffic to an instance as soon as it accepts
 * connections: so nothing accepts them until this ran. Between the seeds and the web
 * server's start (lifecycle phases), it opens a second connector of the same protocol on
 * a random loopback port, sends it real requests through the whole stack (Tomcat, the
 * security filters, sessions, CSRF, Thymeleaf, Jackson, the health indicators and the
 * database pool), and closes it; only then does the web server open its port, and
 * readiness turns to ACCEPTING_TRAFFIC after that.
 *
 * <p>
 * Signed-in pages need a user, which the warm-up must not invent in the database nor sign
 * in as: each round also runs their own code for an in-memory member and admin of an org
 * that cannot exist ({@link SignedInWarmUp#ORG_ID}): the list and detail pages' reads
 * (their SQL finds nothing for that org), their prerendering through the shared cache
 * with a few in-memory invoices ({@link InvoicePagesWarmUp}), and what every signed-in
 * request does: the user's resolution, the CSRF token's mask, and each hole filled as the
 * page is answered into a server request and response that never reach a socket (Tomcat's
 * own objects, on the loopback connector). What this stored in the cache is discarded
 * after every round: every key holds the org id, and no real key can.
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

	/** The meter {@code web.page.PrerenderedPages} counts its renders with. */
	static final String RENDERED = "ledgerline.pages.rendered";

	private static final Logger log = LoggerFactory.getLogger(WarmUpBeforeServing.class);

	/** A {@link WebServerApplicationContext} when there is a server to warm up. */
	private final ApplicationContext context;

	private final TomcatServletWebServerFactory factory;

	private final int rounds;

	private final Duration maxTime;

	private final SignedIn signedIn;

	private volatile Report report;

	WarmUpBeforeServing(ApplicationContext context, TomcatServletWebServerFactory factory,
			@Value("${ledgerline.warm-up.rounds:10}") int rounds,
			@Value("${ledgerline.warm-up.max-time:10s}") Duration maxTime, SignedIn signedIn) {
		this.context = context;
		this.factory = factory;
		this.rounds = rounds;
		this.maxTime = maxTime;
		this.signedIn = signedIn;
	}

	/** The beans the signed-in part of a round runs. */
	@Component
	record SignedIn(SignedInWarmUp users, InvoicePagesWarmUp invoicePages, TagCache cache,
			CsrfTokenRepository csrfTokens, CsrfTokenRequestHandler csrfTokenHandler, MeterRegistry meters) {
	}

	record Ask(String path, String accept, int expected) {
	}

	/**
	 * What the warm-up did: the statuses of its first round, how many rounds, how long;
	 * how many rounds the signed-in pages ran in, the pages answered, how many pages of
	 * each template were rendered meanwhile (the renderer's own counter), and how many
	 * cache entries of the synthetic org were discarded.
	 */
	record Report(List<Integer> firstRound, int rounds, Duration took, long finishedAtMillis, int signedInRounds,
			int pagesAnswered, Map<String, Double> pagesRendered, int discarded) {

		static Report none() {
			return new Report(List.of(), 0, Duration.ZERO, System.currentTimeMillis(), 0, 0, Map.of(), 0);
		}

	}

	@Override
	public void start() {
		if (!(this.context instanceof WebServerApplicationContext web)
				|| !(web.getWebServer() instanceof TomcatWebServer server) || this.rounds <= 0) {
			this.report = Report.none();
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
		int signedInRounds = 0;
		int answered = 0;
		int discarded = 0;
		boolean signedInWorks = true;
		Map<String, Double> renderedBefore = rendered();
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
				if (signedInWorks) {
					try {
						answered += signedInRound(loopback);
						signedInRounds++;
					}
					catch (RuntimeException | IOException failed) {
						// Like a failed request: logged once, and the rest still runs.
						log.warn("Warm-up: the signed-in pages failed; they stay cold", failed);
						signedInWorks = false;
					}
					finally {
						discarded += discardSynthetic();
					}
				}
				done++;
			}
		}
		finally {
			tomcat.getService().removeConnector(loopback);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - began);
		Map<String, Double> renderedNow = rendered();
		renderedNow.replaceAll((template, count) -> count - renderedBefore.getOrDefault(template, 0.0));
		this.report = new Report(Collections.unmodifiableList(first), done, took, System.currentTimeMillis(),
				signedInRounds, answered, Collections.unmodifiableMap(renderedNow), discarded);
		log.info(
				"Warmed up before serving: {} round(s) of {} requests, {} with the signed-in pages ({} pages answered), in {} ms",
				done, ROUND.size(), signedInRounds, answered, took.toMillis());
	}

	/**
	 * The signed-in pages of a member and of an admin, each twice: rendered (a miss),
	 * then served from the cache (a hit), and answered with their holes filled.
	 */
	private int signedInRound(Connector loopback) throws IOException {
		int answered = 0;
		for (Role role : Role.values()) {
			ActingUser user = this.signedIn.users().user(role);
			for (int time = 0; time < 2; time++) {
				for (View page : this.signedIn.invoicePages().warm(user)) {
					answer(page, user, loopback);
					answered++;
				}
			}
		}
		return answered;
	}

	/**
	 * Answers {@code page} as a signed-in request is answered, into Tomcat's request and
	 * response objects, with no socket behind them: the body is counted and dropped.
	 */
	private void answer(View page, ActingUser user, Connector loopback) throws IOException {
		Request request = new Request(loopback, new org.apache.coyote.Request());
		Response response = new Response(new org.apache.coyote.Response());
		request.setResponse(response);
		response.setRequest(request);
		HttpServletRequest http = request.getRequest();
		Discarded httpResponse = new Discarded(response.getResponse());
		http.setAttribute(CspNonce.ATTRIBUTE, "warm-up");
		CsrfToken token = this.signedIn.csrfTokens().generateToken(http);
		this.signedIn.csrfTokenHandler().handle(http, httpResponse, () -> token);
		this.signedIn.users().resolve(http, user);
		this.signedIn.users().leaveToast(http);
		try {
			page.render(Map.of(), http, httpResponse);
		}
		catch (IOException | RuntimeException failed) {
			throw failed;
		}
		catch (Exception other) {
			throw new IllegalStateException(other);
		}
	}

	/**
	 * Tomcat's response with its body counted and dropped: Tomcat would send a body that
	 * reached its content length, and there is no socket to send it to.
	 */
	private static final class Discarded extends HttpServletResponseWrapper {

		private long written;

		private final ServletOutputStream body = new ServletOutputStream() {

			@Override
			public void write(int b) {
				Discarded.this.written++;
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
				Discarded.this.written += length;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setWriteListener(WriteListener listener) {
				throw new UnsupportedOperationException("Blocking only.");
			}

		};

		Discarded(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() {
			return this.body;
		}

	}

	private int discardSynthetic() {
		try {
			return this.signedIn.cache().discardKeysContaining(SignedInWarmUp.ORG_ID);
		}
		catch (RuntimeException failed) {
			log.warn("Warm-up: discarding the synthetic org's cache entries failed", failed);
			return 0;
		}
	}

	/** The renderer's count of pages rendered, by template. */
	private Map<String, Double> rendered() {
		Map<String, Double> counts = new TreeMap<>();
		for (Counter counter : this.signedIn.meters().find(RENDERED).counters()) {
			counts.merge(counter.getId().getTag("template"), counter.count(), Double::sum);
		}
		return counts;
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
