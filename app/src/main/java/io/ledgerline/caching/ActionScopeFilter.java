package io.ledgerline.caching;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;

/**
 * Opens the cache's action scope for a user's mutation request (any unsafe method that
 * got past the security filters), so {@code updateTag} works there and nowhere else:
 * GETs, jobs and startup code stay outside, and {@code updateTag} throws there.
 */
class ActionScopeFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isMutation(request)) {
			chain.doFilter(request, response);
			return;
		}
		try (InvocationScope scope = TagCache.openScope(InvocationSource.ACTION)) {
			chain.doFilter(request, response);
		}
	}

	private static boolean isMutation(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "POST", "PUT", "PATCH", "DELETE" -> true;
			default -> false;
		};
	}

}
