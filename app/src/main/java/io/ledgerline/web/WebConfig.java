package io.ledgerline.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

@Configuration(proxyBeanMethods = false)
class WebConfig {

	/**
	 * Right after the character-encoding filter (parameters must be decoded as UTF-8),
	 * before Spring Security and everything else that reads the request.
	 */
	@Bean
	FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(ObjectProvider<RepeatedFields> repeated) {
		Set<String> mayRepeat = repeated.orderedStream()
			.flatMap(fields -> fields.names().stream())
			.collect(Collectors.toUnmodifiableSet());
		FilterRegistrationBean<MalformedRequestFilter> registration = new FilterRegistrationBean<>(
				new MalformedRequestFilter(mayRepeat));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
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
