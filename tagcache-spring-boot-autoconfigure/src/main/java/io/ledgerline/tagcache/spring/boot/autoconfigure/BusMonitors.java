package io.ledgerline.tagcache.spring.boot.autoconfigure;

import org.springframework.util.ClassUtils;

import io.ledgerline.tagcache.InvalidationBus;
import io.ledgerline.tagcache.LocalInvalidationBus;
import io.ledgerline.tagcache.jdbc.JournalFollower;
import io.ledgerline.tagcache.redis.RedisInvalidationBus;

/**
 * The {@link BusMonitor} of whichever bus the cache got: its kind and its real connection
 * state for the buses of this library, "connected" for any other. The optional modules'
 * classes are looked at only when they are on the classpath.
 */
final class BusMonitors {

	private static final ClassLoader LOADER = BusMonitors.class.getClassLoader();

	private static final boolean REDIS = ClassUtils.isPresent("io.ledgerline.tagcache.redis.RedisInvalidationBus",
			LOADER);

	private static final boolean JOURNAL = ClassUtils.isPresent("io.ledgerline.tagcache.jdbc.JournalFollower", LOADER);

	private BusMonitors() {
	}

	static BusMonitor of(InvalidationBus bus) {
		if (bus instanceof LocalInvalidationBus) {
			return new BusMonitor("local", () -> true);
		}
		if (JOURNAL && Journal.is(bus)) {
			return Journal.monitor(bus);
		}
		if (REDIS && Redis.is(bus)) {
			return Redis.monitor(bus);
		}
		return new BusMonitor(bus.getClass().getSimpleName(), () -> true);
	}

	/** Loaded only with tagcache-jdbc present. */
	private static final class Journal {

		static boolean is(InvalidationBus bus) {
			return bus instanceof JournalFollower;
		}

		/** Connected while Redis is up and the journal caught up since it came back. */
		static BusMonitor monitor(InvalidationBus bus) {
			JournalFollower follower = (JournalFollower) bus;
			return new BusMonitor("journal+redis", () -> !follower.isDegraded());
		}

	}

	/** Loaded only with tagcache-redis present. */
	private static final class Redis {

		static boolean is(InvalidationBus bus) {
			return bus instanceof RedisInvalidationBus;
		}

		static BusMonitor monitor(InvalidationBus bus) {
			return new BusMonitor("redis", ((RedisInvalidationBus) bus)::isConnected);
		}

	}

}
