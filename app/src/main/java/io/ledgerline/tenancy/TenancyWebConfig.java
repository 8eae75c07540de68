package io.ledgerline.tenancy;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers declare an {@link ActingUser} parameter, and refuses a form opened in
 * another org than the active one ({@link FormOrgCheck}).
 */
@Configuration(proxyBeanMethods = false)
class TenancyWebConfig implements WebMvcConfigurer {

	static {
		// Resolved from the session and the user's seats, never sent by the client: not a
		// parameter in the OpenAPI document.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(ActingUser.class);
	}

	private final ActingUserResolver users;

	TenancyWebConfig(ActingUserResolver users) {
		this.users = users;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ActingUserArgumentResolver(users));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new FormOrgCheck(users));
	}

}
