package io.ledgerline.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

}
