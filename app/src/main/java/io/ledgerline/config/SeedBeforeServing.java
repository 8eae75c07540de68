package io.ledgerline.config;

import org.springframework.context.SmartLifecycle;

/**
 * A demo seed that runs before the server accepts requests. Lifecycle phases below the
 * web server's (which starts at {@code DEFAULT_PHASE - 2048}) run before it: the first
 * request already sees the seed, and a failed seed stops the start. Seeds that need
 * another seed's rows take a later phase: {@link #ORGS_AND_INVOICES} first, then
 * {@link #AFTER_INVOICES}.
 */
public abstract class SeedBeforeServing implements SmartLifecycle {

	/** Orgs, users and invoices: everything else refers to them. */
	public static final int ORGS_AND_INVOICES = SmartLifecycle.DEFAULT_PHASE - 4096;

	/** Seeds of rows that refer to the orgs and invoices (tickets, comments). */
	public static final int AFTER_INVOICES = ORGS_AND_INVOICES + 1;

	private final int phase;

	private volatile boolean seeded;

	protected SeedBeforeServing(int phase) {
		this.phase = phase;
	}

	/** Seeds what is absent; seeding again adds nothing. */
	protected abstract void seed();

	@Override
	public void start() {
		seed();
		seeded = true;
	}

	@Override
	public void stop() {
		// Nothing to release; the data stays.
	}

	@Override
	public boolean isRunning() {
		return seeded;
	}

	@Override
	public int getPhase() {
		return phase;
	}

}
