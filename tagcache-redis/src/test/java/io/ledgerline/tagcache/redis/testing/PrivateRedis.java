package io.ledgerline.tagcache.redis.testing;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.ledgerline.tagcache.redis.RedisInvalidationBus;

/**
 * A {@link RedisProcess} for one test class, as a static {@code @RegisterExtension}
 * field: started before the class's first test (or the class skipped, see
 * {@code RedisProcess}), stopped after its last. Each test gets a key prefix of its own
 * ({@link #prefix()}), so no test sees another's keys.
 */
public final class PrivateRedis implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

	private final int port;

	private RedisProcess process;

	private String prefix;

	/**
	 * A class whose tests may run beside another Redis test class takes a port of its
	 * own.
	 */
	public PrivateRedis(int port) {
		this.port = port;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		process = RedisProcess.start(port);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (process != null) {
			process.close();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		prefix = "t-" + UUID.randomUUID() + ":";
	}

	/**
	 * A bus on this Redis under the current test's prefix, checking every 100 ms. The
	 * command timeout is generous: the build machine may be very busy, and an outage is
	 * refused at once whatever the timeout.
	 */
	public RedisInvalidationBus.Builder busBuilder() {
		return RedisInvalidationBus.builder()
			.uri(uri())
			.prefix(prefix)
			.commandTimeout(Duration.ofSeconds(2))
			.checkInterval(Duration.ofMillis(100));
	}

	/** The current test's key prefix. */
	public String prefix() {
		return prefix;
	}

	public String uri() {
		return process.uri();
	}

	public int port() {
		return process.port();
	}

	/** See {@link RedisProcess#stop()}. */
	public void stop() {
		process.stop();
	}

	/** See {@link RedisProcess#restart()}. */
	public void restart() {
		process.restart();
	}

}
