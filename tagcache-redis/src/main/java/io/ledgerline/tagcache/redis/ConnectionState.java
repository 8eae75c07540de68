package io.ledgerline.tagcache.redis;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.ledgerline.tagcache.redis.RedisInvalidationBus.StateListener;

/**
 * Whether a {@link RedisInvalidationBus} is connected, and who is told when that changes.
 * Two states:
 *
 * <table>
 * <caption>Connection states</caption>
 * <tr>
 * <th>state</th>
 * <th>meaning</th>
 * <th>left for the other when</th>
 * </tr>
 * <tr>
 * <td>down (initial)</td>
 * <td>commands are not sent; {@code publish} only logs, epochs come from a local
 * sequence</td>
 * <td>a check gets PONG with the subscription live, and the catch-up has run</td>
 * </tr>
 * <tr>
 * <td>up</td>
 * <td>commands go to Redis</td>
 * <td>Lettuce reports the connection lost, a command fails, or a check fails</td>
 * </tr>
 * </table>
 * Each change is logged and told to the state listeners once, on the thread that made it.
 */
final class ConnectionState {

	private static final System.Logger LOG = System.getLogger(RedisInvalidationBus.class.getName());

	private final AtomicBoolean up = new AtomicBoolean();

	private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();

	boolean isUp() {
		return up.get();
	}

	void addListener(StateListener listener) {
		Objects.requireNonNull(listener, "listener");
		listeners.add(listener::stateChanged);
	}

	/** Down to up, once the catch-up delivered {@code caughtUp} invalidations. */
	void markUp(int caughtUp) {
		if (up.compareAndSet(false, true)) {
			LOG.log(Level.INFO, "Redis invalidation bus connected; {0} invalidation(s) caught up from Redis", caughtUp);
			Subscribers.tellEach(listeners, true, "bus state listener");
		}
	}

	void markDown(String why) {
		if (up.compareAndSet(true, false)) {
			LOG.log(Level.WARNING, "Redis invalidation bus down: {0}", why);
			Subscribers.tellEach(listeners, false, "bus state listener");
		}
	}

}
