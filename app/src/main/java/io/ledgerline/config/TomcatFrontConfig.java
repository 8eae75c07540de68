package io.ledgerline.config;

import java.time.Clock;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What Tomcat does before (or instead of) the app: {@link RequestBodyGuard} in front of
 * the app's filters, and {@link JsonErrorReportValve} for the answers Tomcat gives
 * itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestBodyLimits.class)
class TomcatFrontConfig {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestBodyGuard(RequestBodyLimits limits, Clock clock,
			MeterRegistry registry) {
		SlowBodySlots slots = new SlowBodySlots(limits.slowPerAddress(), limits.slowTotal());
		SlowBodyMetrics metrics = new SlowBodyMetrics(registry, slots);
		return factory -> factory.addContextValves(new RequestBodyGuard(limits, slots, clock, metrics));
	}

	/**
	 * Runs after Spring Boot's own customizer (which may add a plain ErrorReportValve to
	 * the host): replaces any report valve with ours, and names ours as the host's report
	 * valve class so Tomcat does not add its default one on start.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports() {
		return factory -> factory.addContextCustomizers(context -> {
			Host host = (Host) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
					host.getPipeline().removeValve(valve);
				}
			}
			if (host instanceof StandardHost standard) {
				standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
			}
			host.getPipeline().addValve(new JsonErrorReportValve());
		});
	}

}
