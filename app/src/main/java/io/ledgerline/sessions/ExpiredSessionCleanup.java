package io.ledgerline.sessions;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired sessions, a batch per statement. Nothing is announced: an expired
 * session is expired on every instance already (each checks the expiry of its copy, and
 * loads it again before believing it), so this only gives the rows back.
 */
class ExpiredSessionCleanup {

	private static final Logger LOG = LoggerFactory.getLogger(ExpiredSessionCleanup.class);

	static final int BATCH = 1_000;

	private final SessionRows rows;

	private final Clock clock;

	ExpiredSessionCleanup(SessionRows rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	int run() {
		int total = 0;
		int deleted;
		do {
			deleted = rows.deleteExpired(clock.instant(), BATCH);
			total += deleted;
		}
		while (deleted == BATCH);
		if (total > 0) {
			LOG.debug("Deleted {} expired session(s)", total);
		}
		return total;
	}

}
