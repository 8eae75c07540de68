package io.ledgerline.cluster;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.ledgerline.tagcache.jdbc.PositionListener;

/**
 * Told the journal position of each write's invalidations (in its transaction), gives the
 * user's response a causal token with it once the write has committed, so whichever
 * instance serves their next request reads the journal at least that far
 * ({@link ClusterFilter}). Writes outside a request (jobs) get none.
 */
class CausalTokenIssuer implements PositionListener {

	private final CausalTokens tokens;

	CausalTokenIssuer(CausalTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public void written(long position) {
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
