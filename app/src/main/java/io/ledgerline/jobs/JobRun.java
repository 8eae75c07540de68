package io.ledgerline.jobs;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One finished run of a job for an org: when it started, how long it took, how it ended
 * ({@code done} or {@code failed}) and what it found or why it failed.
 */
public record JobRun(long id, String job, String orgId, Instant startedAt, long durationMs, String outcome,
		Long activeCount, BigDecimal activeTotal, String detail, String instance) {

	public static final String DONE = "done";

	public static final String FAILED = "failed";

}
