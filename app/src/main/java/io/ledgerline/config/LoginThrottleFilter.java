package io.ledgerline.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ledgerline.tenancy.Username;
import io.ledgerline.web.JsonRequests;

/**
 * Refuses a sign-in attempt before the password is even checked while its account or
 * address is throttled: the browser goes back to the sign-in page, which says why; a JSON
 * client gets 429.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Username account = Username.parse(request.getParameter("username")).orElse(null);
		if (!throttle.refused(account, request.getRemoteAddr())) {
			chain.doFilter(request, response);
			return;
		}
		if (JsonRequests.wantsJson(request)) {
			SecurityConfig.writeJson(response, HttpStatus.TOO_MANY_REQUESTS, """
					{"ok":false,"error":{"code":"too_many_requests","message":"%s"}}"""
				.formatted(LoginThrottle.MESSAGE));
			return;
		}
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader("Location", request.getContextPath() + "/login?throttled");
	}

}
