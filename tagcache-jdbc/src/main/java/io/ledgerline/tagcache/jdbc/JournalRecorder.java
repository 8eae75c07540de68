package io.ledgerline.tagcache.jdbc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.ledgerline.tagcache.InvalidationIntent;
import io.ledgerline.tagcache.InvalidationRecorder;

/**
 * Writes each invalidation to the journal when it is asked for, inside the write's
 * transaction (on its connection: no second connection, and the rows commit or roll back
 * with the write), then tells the {@link PositionListener}s the highest position written.
 * Give the cache's builder the same instance id as the follower's, so the follower skips
 * the rows this instance wrote (it applied them when they committed).
 */
public final class JournalRecorder implements InvalidationRecorder {

	private final InvalidationJournal journal;

	private final String instanceId;

	private final Clock clock;

	private final List<PositionListener> listeners;

	private JournalRecorder(Builder builder) {
		this.journal = builder.journal;
		this.instanceId = builder.instanceId;
		this.clock = builder.clock;
		this.listeners = List.copyOf(builder.listeners);
	}

	public static Builder builder(InvalidationJournal journal) {
		return new Builder(journal);
	}

	@Override
	public void record(List<InvalidationIntent> intents) {
		long position = journal.append(intents, instanceId, clock.instant());
		for (PositionListener listener : listeners) {
			listener.written(position);
		}
	}

	/** Builds a {@link JournalRecorder}; the instance id is required. */
	public static final class Builder {

		private final InvalidationJournal journal;

		private String instanceId;

		private Clock clock = Clock.systemUTC();

		private final List<PositionListener> listeners = new ArrayList<>();

		private Builder(InvalidationJournal journal) {
			this.journal = Objects.requireNonNull(journal, "journal");
		}

		/**
		 * Names this instance in its rows (the cache's and the follower's instance id).
		 */
		public Builder instanceId(String instanceId) {
			this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
			return this;
		}

		/** Times the rows (default: the system clock, UTC). */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** Told the highest position of every append, before the commit. */
		public Builder listener(PositionListener listener) {
			listeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		public JournalRecorder build() {
			if (instanceId == null) {
				throw new IllegalStateException(
						"instanceId is required: the follower skips this instance's own rows by it");
			}
			return new JournalRecorder(this);
		}

	}

}
