package io.ledgerline.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.filters.GlobalOpenApiMethodFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The OpenAPI document of the JSON side ({@code /v3/api-docs}, UI at
 * {@code /swagger-ui/index.html}; both for signed-in users, like every other page). It
 * lists the app's JSON handlers only (the pages are described in docs/ROUTES.md), and
 * adds what springdoc cannot see: the envelope every answer is wrapped in and the error
 * codes with their statuses.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	/** Error code of the envelope for each status an action or API read can answer. */
	static final Map<String, String> ERROR_CODES = errorCodes();

	@Bean
	GlobalOpenApiMethodFilter onlyJsonHandlers() {
		return OpenApiConfig::isJsonRoute;
	}

	/** A JSON handler of the app: it produces JSON, or it is under {@code /api/}. */
	static boolean isJsonRoute(Method method) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
		if (mapping == null || !method.getDeclaringClass().getName().startsWith("io.ledgerline.")) {
			return false;
		}
		return Arrays.asList(mapping.produces()).contains(MediaType.APPLICATION_JSON_VALUE)
				|| Arrays.stream(mapping.path()).anyMatch(path -> path.startsWith("/api/"))
				|| Arrays.stream(mapping.value()).anyMatch(path -> path.startsWith("/api/"));
	}

	@Bean
	OpenApiCustomizer envelopeAndErrorCodes() {
		return openApi -> {
			openApi.info(new Info().title("Ledgerline JSON API").version("1").description("""
					Every answer is the envelope `{"ok":true,"data":…}` or \
					`{"ok":false,"error":{"code","message"}}` with the matching status. A conflict (409) also \
					carries the server's current row in `error.current` (and `current`); a validation failure \
					(422) carries messages by field in `error.fieldErrors`. Actions take form fields and \
					Spring Security's CSRF token (`_csrf` field or `X-CSRF-TOKEN` header) and answer with JSON \
					when the request sends `Accept: application/json` (and not `text/html`); without a \
					session an API request gets 401, never a redirect. Error codes: """ + ERROR_CODES));
			Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
			ModelConverters.getInstance().readAll(ApiResponse.class).forEach(components::addSchemas);
			openApi.components(components);
			if (openApi.getPaths() != null) {
				openApi.getPaths()
					.values()
					.forEach(item -> item.readOperations().forEach(OpenApiConfig::addErrorAnswers));
			}
		};
	}

	private static void addErrorAnswers(Operation operation) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		ERROR_CODES.forEach((status, code) -> {
			if (!responses.containsKey(status)) {
				responses.addApiResponse(status,
						new io.swagger.v3.oas.models.responses.ApiResponse().description(code)
							.content(new Content().addMediaType(MediaType.APPLICATION_JSON_VALUE,
									new io.swagger.v3.oas.models.media.MediaType()
										.schema(new Schema<>().$ref("#/components/schemas/ApiResponse")))));
			}
		});
		operation.responses(responses);
	}

	private static Map<String, String> errorCodes() {
		Map<String, String> codes = new LinkedHashMap<>();
		for (List<String> pair : List.of(List.of("400", "bad_request"), List.of("401", "unauthorized"),
				List.of("403", "forbidden"), List.of("404", "not_found"), List.of("409", "conflict"),
				List.of("422", "validation"), List.of("500", "internal_error"))) {
			codes.put(pair.get(0), pair.get(1));
		}
		return Collections.unmodifiableMap(codes);
	}

}
