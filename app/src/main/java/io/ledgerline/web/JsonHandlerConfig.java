package io.ledgerline.web;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.condition.RequestCondition;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * JSON or HTML is decided once, here, not in every handler. A route that answers both has
 * two handlers: the page one (no {@code produces}) and the JSON one
 * ({@code produces = APPLICATION_JSON_VALUE}, returning {@link ApiResponse}). This
 * mapping gives each of the app's JSON handlers the {@link JsonRequestCondition}, so
 * which one runs follows {@link JsonRequests#wantsJson} exactly, the same rule the error
 * handler and the security filters use.
 */
@Configuration(proxyBeanMethods = false)
class JsonHandlerConfig {

	private static final String APP_PACKAGE = "io.ledgerline.";

	@Bean
	WebMvcRegistrations jsonAwareHandlerMapping() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new RequestMappingHandlerMapping() {
					@Override
					protected RequestCondition<?> getCustomMethodCondition(Method method) {
						return isAppJsonHandler(method) ? JsonRequestCondition.INSTANCE : null;
					}
				};
			}
		};
	}

	/**
	 * Only the app's own handlers: a library's JSON endpoint (the OpenAPI document) keeps
	 * Spring's usual negotiation.
	 */
	static boolean isAppJsonHandler(Method method) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
		return mapping != null && method.getDeclaringClass().getName().startsWith(APP_PACKAGE)
				&& Arrays.asList(mapping.produces()).contains(MediaType.APPLICATION_JSON_VALUE);
	}

}
