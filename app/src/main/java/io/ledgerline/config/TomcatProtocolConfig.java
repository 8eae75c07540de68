package io.ledgerline.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TomcatProtocolConfig {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatProtocol(
			@Value("${ledgerline.tomcat.protocol:org.apache.coyote.http11.Http11NioProtocol}") String protocol) {
		return factory -> factory.setProtocol(protocol);
	}

}
