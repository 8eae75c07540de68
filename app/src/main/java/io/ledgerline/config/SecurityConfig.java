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

import io.ledgerline.tenancy.AdminOfAnyOrg;
import io.ledgerline.web.JsonRequests;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final String UNAUTHORIZED_JSON = """
			{"ok":false,"error":{"code":"unauthorized","message":"Sign in to continue."}}""";

	private static final String FORBIDDEN_JSON = """
			{"ok":false,"error":{"code":"forbidden","message":"The request was refused (missing or invalid CSRF token, or not allowed)."}}""";

	@Bean
	LoginThrottle loginThrottle(Clock clock) {
		return new LoginThrottle(clock);
	}

	@Bean
	SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle, AdminOfAnyOrg adminOfAnyOrg) throws Exception {
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
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(jsonUnauthorized(), json)
				.defaultAccessDeniedHandlerFor(jsonForbidden(), json));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static AuthenticationEntryPoint jsonUnauthorized() {
		return (request, response, e) -> writeJson(response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED_JSON);
	}

	private static AccessDeniedHandler jsonForbidden() {
		return (request, response, e) -> writeJson(response, HttpStatus.FORBIDDEN, FORBIDDEN_JSON);
	}

	static void writeJson(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String body)
			throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(body);
	}

}
