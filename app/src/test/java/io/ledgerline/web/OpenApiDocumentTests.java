package io.ledgerline.web;

import static io.ledgerline.support.Requests.json;
import static io.ledgerline.support.Requests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.ledgerline.support.Fixtures;
import io.ledgerline.support.IntegrationTest;

@IntegrationTest
class OpenApiDocumentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Test
	void everyJsonRouteIsInTheDocumentWithTheEnvelopeAndItsErrorCodes() throws Exception {
		String admin = fixtures.org().admin();
		String document = mvc.perform(json(admin, "/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");

		List<String> jsonRoutes = new ArrayList<>();
		handlers.getHandlerMethods().forEach((info, handler) -> {
			if (OpenApiConfig.isJsonRoute(handler.getMethod())) {
				for (String path : info.getPathPatternsCondition().getPatternValues()) {
					for (RequestMethod method : info.getMethodsCondition().getMethods()) {
						jsonRoutes.add(method.name().toLowerCase(Locale.ROOT) + " " + path);
					}
				}
			}
		});
		assertThat(jsonRoutes).as("the app's JSON routes")
			.contains("get /invoices", "get /invoices/{id}", "post /invoices/{id}", "post /invoices/{id}/archive",
					"post /invoices/{id}/restore", "post /invoices/{id}/delete", "post /tickets",
					"post /tickets/{id}/status", "post /tickets/{id}/delete", "get /members",
					"post /members/{userId}/role", "post /members/{userId}/remove");
		for (String route : jsonRoutes) {
			String[] methodAndPath = route.split(" ", 2);
			assertThat(paths).as(route).containsKey(methodAndPath[1]);
			assertThat(paths.get(methodAndPath[1])).as(route).containsKey(methodAndPath[0]);
		}

		assertThat((List<String>) JsonPath.read(document, "$.paths['/invoices'].get.parameters[*].name"))
			.as("the acting user is resolved from the session, never a parameter")
			.containsExactlyInAnyOrder("view", "q", "cursor");
		assertThat(paths).as("pages are not part of the JSON API").doesNotContainKey("/invoices/{id}/edit");
		assertThat((Map<String, Object>) JsonPath.read(document, "$.components.schemas.ApiResponse.properties"))
			.containsKeys("ok", "data", "error");
		assertThat((String) JsonPath.read(document, "$.info.description")).contains("not_found", "validation",
				"conflict", "fieldErrors");
		assertThat((String) JsonPath.read(document, "$.paths['/invoices/{id}'].post.responses['409'].description"))
			.isEqualTo("conflict");
	}

	@Test
	void theDocumentAndItsUiAreForSignedInUsers() throws Exception {
		mvc.perform(get("/v3/api-docs").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
		mvc.perform(get("/swagger-ui/index.html").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
		mvc.perform(page(fixtures.org().member(), "/swagger-ui/index.html")).andExpect(status().isOk());
	}

}
