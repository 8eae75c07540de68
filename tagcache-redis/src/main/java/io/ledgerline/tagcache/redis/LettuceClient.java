package io.ledgerline.tagcache.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

/**
 * The Lettuce client both Redis plug-ins use, set up the one way they need it: every
 * command bounded by a short timeout, commands rejected at once while disconnected (a
 * Redis outage must never block a caller), and reconnects at a steady, short pace
 * (Lettuce's default backs off to 30 s, while the app is degraded until Redis is back).
 */
record LettuceClient(ClientResources resources, RedisClient client) {

	static LettuceClient create(String uri, Duration commandTimeout, Duration reconnectPause) {
		RedisURI redisUri = RedisURI.create(uri);
		redisUri.setTimeout(commandTimeout);
		ClientResources resources = DefaultClientResources.builder()
			.reconnectDelay(Delay.constant(reconnectPause))
			.build();
		RedisClient client = RedisClient.create(resources, redisUri);
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
			.timeoutOptions(TimeoutOptions.enabled(commandTimeout))
			.build());
		return new LettuceClient(resources, client);
	}

	/** Closes the given connections (any may be {@code null}), then the client. */
	void shutdown(StatefulConnection<?, ?>... connections) {
		try {
			for (StatefulConnection<?, ?> connection : connections) {
				if (connection != null) {
					connection.close();
				}
			}
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
			resources.shutdown(0, 1, TimeUnit.SECONDS);
		}
	}

	/** For the builders: a duration setting must be above zero. */
	static Duration requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isZero() || duration.isNegative()) {
			throw new IllegalArgumentException(name + " must be positive, was " + duration);
		}
		return duration;
	}

}
