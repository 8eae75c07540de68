package io.ledgerline.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.ledgerline.hostile.RawHttp.Answer;
import io.ledgerline.support.IntegrationTest;

/**
 * Answers written before the security filters (a field sent twice) or by Tomcat itself (a
 * request too long to read): the app's error shape, JSON when asked for, and the same
 * protective headers as every other answer.
 */
@IntegrationTest
class StandaloneAnswerTests {

	@LocalServerPort
	int port;

	RawHttp http;

	@BeforeEach
	void setUp() {
		http = new RawHttp(port);
	}

	@Test
	void aFieldSentTwiceIsRefusedWithTheProtectiveHeaders() throws Exception {
		Answer plain = http.send("POST", "/login",
				List.of("Content-Type: application/x-www-form-urlencoded", "Accept: text/html"),
				"%3Cscript%3E=1&%3Cscript%3E=2");
		assertThat(plain.status()).isEqualTo(400);
		assertThat(plain.header("Content-Type")).startsWith("text/plain");
		assertThat(plain.body()).contains("was sent more than once");
		assertProtected(plain);

		Answer json = http.get("/actuator/health?x=1&x=2", "Accept: application/json");
		assertThat(json.status()).isEqualTo(400);
		assertThat(json.body()).contains("\"code\":\"bad_request\"");
		assertProtected(json);
	}

	@Test
	void headersTooLongToReadAreAnsweredInTheAppsShapeNotTomcatsPage() throws Exception {
		String longUrl = "/invoices?x=" + "a".repeat(6_000);
		String pad = "X-Pad: " + "b".repeat(4_000);

		Answer json = http.get(longUrl, "Accept: application/json", pad);
		assertThat(json.status()).isEqualTo(400);
		assertThat(json.header("Content-Type")).startsWith("application/json");
		assertThat(json.body()).startsWith("{\"ok\":false,\"error\":{\"code\":\"bad_request\",\"message\":");
		assertProtected(json);

		Answer plain = http.get(longUrl, "Accept: text/html", pad);
		assertThat(plain.status()).isEqualTo(400);
		assertThat(plain.header("Content-Type")).startsWith("text/plain");
		assertThat(plain.body()).startsWith("400 Bad Request: ").doesNotContain("<");
		assertProtected(plain);
	}

	@Test
	void aRequestLineTooLongToReadIsPlainTextNotTomcatsPage() throws Exception {
		Answer answer = http.get("/invoices?x=" + "a".repeat(20_000), "Accept: application/json");
		assertThat(answer.status()).isEqualTo(400);
		// Not even the Accept header could be read: plain text.
		assertThat(answer.header("Content-Type")).startsWith("text/plain");
		assertThat(answer.body()).startsWith("400 Bad Request: ").doesNotContain("<");
		assertProtected(answer);
	}

	private static void assertProtected(Answer answer) {
		assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(answer.header("Content-Security-Policy")).contains("default-src 'none'")
			.contains("frame-ancestors 'none'");
	}

}
