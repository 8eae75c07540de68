package io.ledgerline.config;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

import io.ledgerline.tenancy.AdminOfAnyOrg;
import io.ledgerline.tenancy.Username;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.JsonRequests;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	LoginThrottle loginThrottle(Clock clock) {
		return new LoginThrottle(clock);
	}

	/**
	 * The one store of CSRF tokens: the filter chain's, and any sign-in's that rotates
	 * one.
	 */
	@Bean
	CsrfTokenRepository csrfTokens() {
		return new HttpSessionCsrfTokenRepository();
	}

	@Bean
	CsrfTokenRequestHandler csrfTokenHandler() {
		return new StrictCsrfTokenHandler();
	}

	/**
	 * What a sign-in does to the session, for a sign-in that does not come through the
	 * form (the demo inspector's identity switch): a new session id (session fixation)
	 * and a new CSRF token, so nothing handed out before the sign-in works after it. The
	 * form's own sign-in gets the same two steps from Spring Security (its default
	 * session fixation protection, and the CSRF configurer's strategy on
	 * {@link #csrfTokens()}).
	 */
	@Bean
	SessionAuthenticationStrategy signInSessionStrategy(CsrfTokenRepository csrfTokens,
			CsrfTokenRequestHandler csrfTokenHandler) {
		CsrfAuthenticationStrategy newCsrfToken = new CsrfAuthenticationStrategy(csrfTokens);
		newCsrfToken.setRequestHandler(csrfTokenHandler);
		return new CompositeSessionAuthenticationStrategy(
				List.of(new ChangeSessionIdAuthenticationStrategy(), newCsrfToken));
	}

	@Bean
	SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle, AdminOfAnyOrg adminOfAnyOrg,
			JsonMapper jsonMapper, CsrfTokenRepository csrfTokens, CsrfTokenRequestHandler csrfTokenHandler)
			throws Exception {
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
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(csrfTokenHandler))
			.addFilterBefore(new ContentSecurityPolicyFilter(), DisableEncodeUrlFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.formLogin(form -> form.loginPage("/login").successHandler((request, response, authentication) -> {
				throttle.succeeded(new Username(authentication.getName()));
				signedIn.onAuthenticationSuccess(request, response, authentication);
			}).failureHandler((request, response, exception) -> {
				throttle.failed(Username.parse(request.getParameter("username")).orElse(null), request.getRemoteAddr());
				wrongPassword.onAuthenticationFailure(request, response, exception);
			}).withObjectPostProcessor(signInOnlyWithAUsableUsername()).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(signInRequired(json, jsonMapper))
				.accessDeniedHandler(refused(json, jsonMapper)));
		return http.build();
	}

	/**
	 * Without a session: 401 JSON for whoever asked for JSON (an API caller is never
	 * redirected to the sign-in page); everyone else, a client that sends no Accept or
	 * {@code *}{@code /*} included, gets what a browser gets, the sign-in redirect. The
	 * default is named here because Spring Security makes a lone JSON mapping the default
	 * for every request.
	 */
	private static AuthenticationEntryPoint signInRequired(RequestMatcher json, JsonMapper jsonMapper) {
		return DelegatingAuthenticationEntryPoint.builder()
			.addEntryPointFor(jsonUnauthorized(jsonMapper), json)
			.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
			.build();
	}

	/**
	 * A refusal (a wrong CSRF token, a forbidden path): JSON only for JSON, by the same
	 * rule.
	 */
	private static AccessDeniedHandler refused(RequestMatcher json, JsonMapper jsonMapper) {
		LinkedHashMap<RequestMatcher, AccessDeniedHandler> forJson = new LinkedHashMap<>();
		forJson.put(json, jsonForbidden(jsonMapper));
		return new RequestMatcherDelegatingAccessDeniedHandler(forJson, new AccessDeniedHandlerImpl());
	}

	/**
	 * The form sign-in takes a POST /login only when its username can name an account
	 * ({@link Username}); any other (a control character, nothing at all) goes on to the
	 * sign-in page's own handler, which answers 400 and says why, before any password is
	 * checked or any failure counted.
	 */
	private static ObjectPostProcessor<UsernamePasswordAuthenticationFilter> signInOnlyWithAUsableUsername() {
		RequestMatcher signInPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
		RequestMatcher usableUsername = request -> Username.parse(request.getParameter("username")).isPresent();
		return new ObjectPostProcessor<>() {
			@Override
			public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
				filter.setRequiresAuthenticationRequestMatcher(new AndRequestMatcher(signInPost, usableUsername));
				return filter;
			}
		};
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
