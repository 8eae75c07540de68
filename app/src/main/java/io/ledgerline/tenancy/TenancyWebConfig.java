package io.ledgerline.tenancy;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers declare an {@link ActingUser} parameter. */
@Configuration(proxyBeanMethods = false)
class TenancyWebConfig implements WebMvcConfigurer {

	private final ActingUserResolver users;

	TenancyWebConfig(ActingUserResolver users) {
		this.users = users;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ActingUserArgumentResolver(users));
	}

}
