package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;

/**
 * Opens the cache's action scope for a user's mutation request, so {@code updateTag}
 * works there and nowhere else: reads, jobs and startup code stay outside, where it
 * throws. Registered last in the filter chain, so only requests the security filters let
 * through become actions.
 */
final class ActionScopeFilter extends OncePerRequestFilter {

	private final Set<String> methods;

	ActionScopeFilter(Set<String> methods) {
		this.methods = methods.stream()
			.map(method -> method.trim().toUpperCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!methods.contains(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		try (InvocationScope scope = TagCache.openScope(InvocationSource.ACTION)) {
			chain.doFilter(request, response);
		}
	}

}
