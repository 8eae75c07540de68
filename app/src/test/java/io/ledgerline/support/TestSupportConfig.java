package io.ledgerline.support;

import java.time.Instant;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.ledgerline.invoices.InvoiceSearchIndex;
import io.ledgerline.tagcache.testing.ManualClock;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfig {

	/** Lets a test see the SQL a request sent ({@link StatementLog}). */
	@Bean
	static BeanPostProcessor statementLog() {
		return StatementLog.recorder();
	}

	@Bean
	@Primary
	ManualClock testClock() {
		return new ManualClock(Instant.parse("2026-11-22T10:00:00.000Z"));
	}

	/**
	 * Open unless a test closes it: lets a browser test see a comment before the server
	 * stores it.
	 */
	@Bean
	CommentPostGate commentPostGate() {
		return new CommentPostGate();
	}

	@Bean
	Fixtures fixtures(JdbcClient jdbc, PasswordEncoder passwords, ManualClock clock, InvoiceSearchIndex searchIndex) {
		return new Fixtures(jdbc, passwords, clock, searchIndex);
	}

}
