package io.ledgerline.tagcache.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * What both Redis builders configure the same way: where Redis is, the key prefix and the
 * command timeout. {@code B} is the builder itself, so each setter returns it.
 */
abstract class RedisSettings<B extends RedisSettings<B>> {

	String uri = "redis://127.0.0.1:6379";

	String prefix = "tagcache:";

	Duration commandTimeout = Duration.ofSeconds(1);

	/** A Redis URI, e.g. {@code redis://127.0.0.1:6379/0}. */
	public B uri(String uri) {
		this.uri = Objects.requireNonNull(uri, "uri");
		return self();
	}

	/** Starts every key and the channel name; lets several apps share one Redis. */
	public B prefix(String prefix) {
		this.prefix = Objects.requireNonNull(prefix, "prefix");
		return self();
	}

	/** The most any Redis command may take (and the connect timeout). */
	public B commandTimeout(Duration timeout) {
		this.commandTimeout = LettuceClient.requirePositive(timeout, "commandTimeout");
		return self();
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

}
