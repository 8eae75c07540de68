package io.ledgerline.cluster;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.ledgerline.tagcache.InvalidationIntent;
import io.ledgerline.tagcache.InvalidationRecorder;

/**
 * Writes each invalidation to the journal when it is asked for, inside the mutation's
 * transaction (on its connection: no second connection, and the rows commit or roll back
 * with the write). After the commit, the user's response gets a causal token with the new
 * position, so whichever instance serves their next request reads at least that far.
 */
class JournalRecorder implements InvalidationRecorder {

	private final InvalidationJournal journal;

	private final CausalTokens tokens;

	private final String instanceId;

	private final Clock clock;

	JournalRecorder(InvalidationJournal journal, CausalTokens tokens, String instanceId, Clock clock) {
		this.journal = journal;
		this.tokens = tokens;
		this.instanceId = instanceId;
		this.clock = clock;
	}

	@Override
	public void record(List<InvalidationIntent> intents) {
		long position = journal.append(intents, instanceId, clock.instant());
		HttpServletResponse response = currentResponse();
		if (response == null) {
			return;
		}
		AfterCommit.run(() -> issue(response, position));
	}

	private void issue(HttpServletResponse response, long position) {
		if (!response.isCommitted()) {
			tokens.write(response, position);
		}
	}

	private static HttpServletResponse currentResponse() {
		HttpServletResponse filtered = ClusterFilter.currentResponse();
		if (filtered != null) {
			return filtered;
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes instanceof ServletRequestAttributes servlet ? servlet.getResponse() : null;
	}

}
