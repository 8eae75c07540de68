package io.ledgerline.web;

import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import io.ledgerline.tenancy.ActingUserResolver;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private final ActingUserResolver users;

	WebConfig(ActingUserResolver users) {
		this.users = users;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ActingUserArgumentResolver(users));
	}

	/**
	 * Every action answers "redirect:…" with 303 See Other (not 302), so the browser
	 * follows with a GET whatever the original method was.
	 */
	@Bean
	static BeanPostProcessor seeOtherRedirects() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setRedirectHttp10Compatible(false);
				}
				return bean;
			}
		};
	}

}
