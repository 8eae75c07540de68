package io.ledgerline.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's NIO2 connector instead of NIO. NIO's one poller thread shares a lock with the
 * request threads that wake it; under load on a small machine a request thread preempted
 * while holding it stalled the poller, and with it every connection, for 10-40 ms (JFR
 * monitor events; docs/BENCHMARKS.md). NIO2 hands readiness to completion handlers
 * without that lock. {@code ledgerline.web.tomcat-protocol} names another protocol class
 * if a deployment needs one.
 */
@Configuration(proxyBeanMethods = false)
class TomcatProtocolConfig {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatProtocol(
			@Value("${ledgerline.web.tomcat-protocol:org.apache.coyote.http11.Http11Nio2Protocol}") String protocol) {
		return factory -> factory.setProtocol(protocol);
	}

}
