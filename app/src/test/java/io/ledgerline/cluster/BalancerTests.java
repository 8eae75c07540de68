package io.ledgerline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The balancer that {@code scripts/cluster.sh} configures, run for real (nginx) in front
 * of three stand-in instances: plain HTTP servers that can stall or refuse, so the test
 * can see which instance got which request and how often.
 */
class BalancerTests {

	static final Path SCRIPT = Path.of("..", "scripts", "cluster.sh");

	@TempDir
	Path dir;

	int port;

	final List<StandIn> instances = new ArrayList<>();

	Process nginx;

	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeEach
	void balancer() throws Exception {
		String nginxBinary = findNginx();
		port = fourFreePorts();
		Files.createDirectories(dir.resolve("nginx-tmp"));
		ProcessBuilder generate = new ProcessBuilder("bash", SCRIPT.toString(), "nginx-conf", dir.toString())
			.redirectOutput(dir.resolve("nginx.conf").toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		generate.environment().put("LEDGERLINE_CLUSTER_PORT", Integer.toString(port));
		Process conf = generate.start();
		conf.getOutputStream().close();
		assertThat(conf.waitFor()).as("cluster.sh nginx-conf").isZero();
		for (int n = 1; n <= 3; n++) {
			instances.add(new StandIn("node-" + n, port + n));
		}
		nginx = new ProcessBuilder(nginxBinary, "-c", dir.resolve("nginx.conf").toString(), "-p", dir.toString(), "-g",
				"daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("nginx.out").toFile())
			.start();
		Awaitility.await("nginx listening").atMost(Duration.ofSeconds(20)).until(() -> accepts(port));
	}

	@AfterEach
	void stop() throws Exception {
		if (nginx != null) {
			nginx.destroy();
			if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
				nginx.destroyForcibly();
			}
		}
		instances.forEach(StandIn::close);
	}

	@Test
	void aGetSentToAStalledInstanceIsAnsweredByAnotherOneWhileTheStalledOneStillHoldsIt() throws Exception {
		StandIn stalled = instances.get(0);
		stalled.stall();

		for (int i = 0; i < 6; i++) {
			HttpResponse<String> page = client.send(get("/invoices?i=" + i), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as("GET %d", i).isEqualTo(200);
			assertThat(page.body()).as("GET %d", i).isNotEqualTo(stalled.name);
		}
		assertThat(stalled.received("GET")).as("the stalled instance got a GET, and still holds it").isNotEmpty();
		assertThat(stalled.answered.get()).as("the stalled instance answered nothing").isZero();
	}

	@Test
	void aWriteThatReachedAnInstanceIsNeverSentToAnotherOneEvenWhenItFailed() throws Exception {
		StandIn failing = instances.get(0);
		failing.answer(503);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			statuses
				.add(client.send(post("/tickets", "title=t" + i), HttpResponse.BodyHandlers.ofString()).statusCode());
		}

		List<String> bodies = new ArrayList<>();
		instances.forEach(instance -> bodies.addAll(instance.received("POST")));
		assertThat(bodies).as("every write reached exactly one instance, with its body")
			.containsExactlyInAnyOrder("title=t0", "title=t1", "title=t2");
		assertThat(failing.received("POST")).as("round robin gave the failing instance one of them").hasSize(1);
		assertThat(statuses).as("its failure is the client's answer, not a second try")
			.containsExactlyInAnyOrder(503, 200, 200);

		HttpResponse<String> read = client.send(get("/invoices"), HttpResponse.BodyHandlers.ofString());
		assertThat(read.statusCode()).as("a read is retried past a 503").isEqualTo(200);
	}

	@Test
	void aWriteGoesToAnotherInstanceWhenOneRefusesConnectionsForNothingWasSent() throws Exception {
		instances.get(0).close();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> saved = client.send(post("/tickets", "title=t" + i),
					HttpResponse.BodyHandlers.ofString());
			assertThat(saved.statusCode()).as("POST %d", i).isEqualTo(200);
		}
		assertThat(instances.get(1).received("POST").size() + instances.get(2).received("POST").size()).isEqualTo(3);
	}

	// ---------------------------------------------------------------------------------

	HttpRequest get(String path) {
		// Far longer than the balancer's read timeout for reads, far shorter than
		// nginx's default 60 s.
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.build();
	}

	HttpRequest post(String path, String form) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	static String findNginx() {
		for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		if ("true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("the balancer tests need nginx under CI (.ci/run installs it)");
		}
		Assumptions.abort("nginx is not installed");
		return null;
	}

	/** A port whose next three are free too: the balancer's, then its instances'. */
	static int fourFreePorts() {
		for (int attempt = 0; attempt < 50; attempt++) {
			int base = ThreadLocalRandom.current().nextInt(20000, 40000);
			if (free(base) && free(base + 1) && free(base + 2) && free(base + 3)) {
				return base;
			}
		}
		throw new IllegalStateException("no four consecutive free ports");
	}

	static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}

	static boolean accepts(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException notYet) {
			return false;
		}
	}

	/** An instance that answers its own name, or stalls, or answers a fixed status. */
	static final class StandIn implements AutoCloseable {

		final String name;

		final HttpServer server;

		final ExecutorService threads = Executors.newCachedThreadPool();

		final List<String[]> requests = new CopyOnWriteArrayList<>();

		final CountDownLatch released = new CountDownLatch(1);

		volatile boolean stalled;

		volatile int status = 200;

		final AtomicInteger answered = new AtomicInteger();

		private final AtomicBoolean closed = new AtomicBoolean();

		StandIn(String name, int port) throws IOException {
			this.name = name;
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
			this.server.setExecutor(this.threads);
			this.server.createContext("/", this::handle);
			this.server.start();
		}

		void stall() {
			this.stalled = true;
		}

		void answer(int status) {
			this.status = status;
		}

		List<String> received(String method) {
			return this.requests.stream().filter(r -> r[0].equals(method)).map(r -> r[1]).toList();
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (InputStream in = exchange.getRequestBody()) {
				String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				this.requests.add(new String[] { exchange.getRequestMethod(), body });
			}
			if (this.stalled) {
				try {
					// Like a paused process: holds the request until the test ends.
					this.released.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ended) {
					Thread.currentThread().interrupt();
				}
				exchange.close();
				return;
			}
			byte[] answer = this.name.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(this.status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
			this.answered.incrementAndGet();
		}

		@Override
		public void close() {
			if (!this.closed.compareAndSet(false, true)) {
				return;
			}
			this.released.countDown();
			this.server.stop(0);
			this.threads.shutdownNow();
		}

	}

}
