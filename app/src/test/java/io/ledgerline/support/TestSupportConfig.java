package io.ledgerline.support;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfig {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock(Instant.parse("2026-11-22T10:00:00.000Z"));
	}

	@Bean
	Fixtures fixtures(JdbcClient jdbc, PasswordEncoder passwords, MutableClock clock) {
		return new Fixtures(jdbc, passwords, clock);
	}

}
