package io.ledgerline.tagcache.redis;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hands a value to each subscriber in turn; one that throws is logged and the others are
 * still told, so a faulty subscriber never stops the bus or the coordinator.
 */
final class Subscribers {

	private static final Logger LOG = System.getLogger(Subscribers.class.getName());

	private Subscribers() {
	}

	/**
	 * Tells each subscriber {@code value}; {@code what} names them when one fails.
	 */
	static <T> void tellEach(List<? extends Consumer<? super T>> subscribers, T value, String what) {
		tellEach(subscribers, value, what, Function.identity());
	}

	/**
	 * {@link #tellEach(List, Object, String)}, logging a failure with {@code shown} of
	 * the value rather than the whole value (a shared refresh carries a whole page).
	 */
	static <T> void tellEach(List<? extends Consumer<? super T>> subscribers, T value, String what,
			Function<? super T, ?> shown) {
		for (Consumer<? super T> subscriber : subscribers) {
			try {
				subscriber.accept(value);
			}
			catch (RuntimeException e) {
				LOG.log(Level.WARNING, what + " failed on " + shown.apply(value), e);
			}
		}
	}

}
