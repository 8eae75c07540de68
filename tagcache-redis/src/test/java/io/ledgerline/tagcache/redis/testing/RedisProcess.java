package io.ledgerline.tagcache.redis.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A private redis-server process for tests that stop and restart Redis (never the shared
 * one): no persistence, so a restart comes back empty. When {@code redis-server} is
 * missing the test is skipped, except under {@code CI=true}, where it fails.
 */
public final class RedisProcess implements AutoCloseable {

	private final int port;

	private Process process;

	private RedisProcess(int port) {
		this.port = port;
	}

	/** Starts redis-server on {@code port} and waits until it accepts connections. */
	public static RedisProcess start(int port) {
		RedisProcess redis = new RedisProcess(port);
		redis.startServer();
		return redis;
	}

	public String uri() {
		return "redis://127.0.0.1:" + port;
	}

	public int port() {
		return port;
	}

	/** Stops the server (its data is gone: it never persists). */
	public void stop() {
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		process = null;
	}

	/** Starts it again, empty. */
	public void restart() {
		stop();
		startServer();
	}

	@Override
	public void close() {
		stop();
	}

	private void startServer() {
		String binary = findBinary();
		try {
			process = new ProcessBuilder(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no"))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException e) {
			throw new IllegalStateException("could not start " + binary, e);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException notYet) {
				if (!process.isAlive()) {
					throw new IllegalStateException("redis-server exited at once (port " + port + " in use?)");
				}
				Thread.onSpinWait();
			}
		}
		throw new IllegalStateException("redis-server did not accept connections on port " + port);
	}

	private static String findBinary() {
		for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
			if (new File(candidate).canExecute()) {
				return candidate;
			}
		}
		if ("true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("redis-server is required under CI (apt-get install redis-server)");
		}
		Assumptions.abort("redis-server not installed: skipping the Redis tests");
		return null;
	}

}
