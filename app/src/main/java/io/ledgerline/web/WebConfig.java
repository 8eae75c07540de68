package io.ledgerline.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

@Configuration(proxyBeanMethods = false)
class WebConfig {

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
