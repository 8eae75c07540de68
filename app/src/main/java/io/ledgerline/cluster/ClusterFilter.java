package io.ledgerline.cluster;

import java.io.IOException;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.ledgerline.tagcache.jdbc.JournalFollower;

/**
 * Names the instance on every response ({@code X-Ledgerline-Instance}), and keeps the
 * causal token's promise: a request carrying a position this instance has not read yet
 * waits for one journal read before anything is served. A token it cannot verify changes
 * nothing but is cleared.
 *
 * <p>
 * It runs outside Spring Session's filter, so the catch-up comes before the session is
 * read, and it holds the response for the {@link CausalTokenIssuer} until the session's
 * own save is done: a session changed by a request is saved after the servlet returned,
 * when Spring's request context is already gone, and its causal token must still reach
 * the browser.
 */
class ClusterFilter extends OncePerRequestFilter {

	static final String INSTANCE_HEADER = "X-Ledgerline-Instance";

	private static final ThreadLocal<HttpServletResponse> RESPONSE = new ThreadLocal<>();

	private final String instanceName;

	private final CausalTokens tokens;

	private final JournalFollower follower;

	ClusterFilter(String instanceName, CausalTokens tokens, JournalFollower follower) {
		this.instanceName = instanceName;
		this.tokens = tokens;
		this.follower = follower;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(INSTANCE_HEADER, instanceName);
		String token = tokens.read(request);
		if (token != null) {
			OptionalLong position = tokens.verify(token);
			if (position.isEmpty()) {
				// Forged, or signed with another secret: it buys no journal read, and the
				// browser stops sending it.
				tokens.clear(response);
			}
			else {
				follower.catchUpTo(position.getAsLong());
				if (!follower.hasRead(position.getAsLong())) {
					// Every token names a committed row, so this one is from an earlier
					// database (one recreated since): drop it rather than read the
					// journal on every request.
					tokens.clear(response);
				}
			}
		}
		RESPONSE.set(response);
		try {
			chain.doFilter(request, response);
		}
		finally {
			RESPONSE.remove();
		}
	}

	/** The response of the request this thread serves, if it came through the filter. */
	static HttpServletResponse currentResponse() {
		return RESPONSE.get();
	}

}
