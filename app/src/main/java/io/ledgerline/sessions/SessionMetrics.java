package io.ledgerline.sessions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ledgerline.sessions.reads} (tag {@code source}: {@code memory} or
 * {@code database}) and {@code ledgerline.sessions.writes} (tag {@code kind}:
 * {@code created}, {@code changed}, {@code touched}, {@code deleted}).
 */
class SessionMetrics {

	private final Counter fromMemory;

	private final Counter loaded;

	private final MeterRegistry registry;

	SessionMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.fromMemory = read("memory");
		this.loaded = read("database");
		for (String kind : new String[] { "created", "changed", "touched", "deleted" }) {
			written(kind, 0);
		}
	}

	private Counter read(String source) {
		return Counter.builder("ledgerline.sessions.reads")
			.description("Session reads, served from this instance's memory or loaded from the database")
			.tag("source", source)
			.register(registry);
	}

	void fromMemory() {
		fromMemory.increment();
	}

	void loaded() {
		loaded.increment();
	}

	void written(String kind) {
		written(kind, 1);
	}

	private void written(String kind, double amount) {
		Counter.builder("ledgerline.sessions.writes")
			.description("Session writes to the database: created, changed (announced), touched (last access only),"
					+ " deleted")
			.tag("kind", kind)
			.register(registry)
			.increment(amount);
	}

}
