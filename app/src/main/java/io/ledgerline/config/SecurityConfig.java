package io.ledgerline.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

import io.ledgerline.tenancy.AdminOfAnyOrg;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.JsonRequests;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	LoginThrottle loginThrottle(Clock clock) {
		return new LoginThrottle(clock);
	}

	@Bean
	SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle, AdminOfAnyOrg adminOfAnyOrg,
			JsonMapper jsonMapper) throws Exception {
		RequestMatcher json = JsonRequests::wantsJson;
		SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
		signedIn.setDefaultTargetUrl("/invoices");
		SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/actuator/health",
					"/actuator/health/**")
			.permitAll()
			// Process-wide numbers (routes, pool, sessions): for admins, not every
			// member.
			.requestMatchers("/actuator/**")
			.access(adminOfAnyOrg)
			.anyRequest()
			.authenticated())
			.csrf(csrf -> csrf.csrfTokenRequestHandler(new StrictCsrfTokenHandler()))
			.addFilterBefore(new ContentSecurityPolicyFilter(), DisableEncodeUrlFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.formLogin(form -> form.loginPage("/login").successHandler((request, response, authentication) -> {
				throttle.succeeded(authentication.getName());
				signedIn.onAuthenticationSuccess(request, response, authentication);
			}).failureHandler((request, response, exception) -> {
				throttle.failed(request.getParameter("username"), request.getRemoteAddr());
				wrongPassword.onAuthenticationFailure(request, response, exception);
			}).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			// An API caller without a session gets 401 JSON, never a redirect to the
			// login page.
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(jsonUnauthorized(jsonMapper), json)
				.defaultAccessDeniedHandlerFor(jsonForbidden(jsonMapper), json));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static AuthenticationEntryPoint jsonUnauthorized(JsonMapper jsonMapper) {
		ApiResponse body = ApiResponse.error("unauthorized", "Sign in to continue.");
		return (request, response, e) -> writeJson(response, HttpStatus.UNAUTHORIZED,
				jsonMapper.writeValueAsString(body));
	}

	private static AccessDeniedHandler jsonForbidden(JsonMapper jsonMapper) {
		ApiResponse body = ApiResponse.error("forbidden",
				"The request was refused (missing or invalid CSRF token, or not allowed).");
		return (request, response, e) -> writeJson(response, HttpStatus.FORBIDDEN, jsonMapper.writeValueAsString(body));
	}

	static void writeJson(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String body)
			throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(body);
	}

}
