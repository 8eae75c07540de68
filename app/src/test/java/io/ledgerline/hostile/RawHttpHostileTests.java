package io.ledgerline.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.ledgerline.hostile.RawHttp.Answer;
import io.ledgerline.hostile.RawHttp.Session;
import io.ledgerline.support.Fixtures;
import io.ledgerline.support.Fixtures.TestInvoice;
import io.ledgerline.support.Fixtures.TestOrg;
import io.ledgerline.support.IntegrationTest;

/**
 * What MockMvc cannot send: bytes the container itself must decode (percent-encoding,
 * Accept-Language, masked CSRF tokens), over a socket to the running app. Each answers a
 * 4xx, never a 500.
 */
@IntegrationTest
class RawHttpHostileTests {

	static final List<String> BAD_QUERIES = List.of("/invoices?cursor=%%%", "/invoices?view=%zz",
			"/invoices?cursor=%ff%fe", "/invoices?=&=&&", "/actuator/health?cursor=%%%", "/actuator/health?=&=&&",
			"/actuator/metrics?x=%zz", "/tickets?x=%", "/login?x=%e0%80");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	RawHttp http;

	TestOrg org;

	@BeforeEach
	void setUp() {
		http = new RawHttp(port);
		org = fixtures.org();
	}

	@Test
	void badPercentEncodingIsABadRequestSignedInOrNot() throws Exception {
		Session admin = http.signIn(org.admin(), Fixtures.PASSWORD);
		for (String target : BAD_QUERIES) {
			assertThat(http.get(target, "Accept: text/html").status()).as("anonymous " + target).isEqualTo(400);
			assertThat(http.get(target, "Cookie: " + admin.cookie(), "Accept: text/html").status()).as(target)
				.isEqualTo(400);
			Answer json = http.get(target, "Cookie: " + admin.cookie(), "Accept: application/json");
			assertThat(json.status()).as("json " + target).isEqualTo(400);
			assertThat(json.body()).contains("\"code\":\"bad_request\"");
		}
	}

	@Test
	void badPercentEncodingInAFormBodyIsABadRequestAndChangesNothing() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Session admin = http.signIn(org.admin(), Fixtures.PASSWORD);
		Answer answer = http.send("POST", "/invoices/" + invoice.id(),
				List.of("Cookie: " + admin.cookie(), "Content-Type: application/x-www-form-urlencoded",
						"Accept: text/html"),
				"_csrf=" + java.net.URLEncoder.encode(admin.csrf(), java.nio.charset.StandardCharsets.UTF_8)
						+ "&customerName=%zz&status=sent&total=1.00&version=1");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
	}

	@Test
	void anAcceptLanguageWithManyEntriesIsNotAServerError() throws Exception {
		String many = "Accept-Language: en,fr,de,it,es,pt,nl,sv,da,fi,pl,cs,hu";
		assertThat(http.get("/login", many).status()).isEqualTo(400);
		assertThat(http.get("/actuator/health", many).status()).isEqualTo(400);
		Session member = http.signIn(org.member(), Fixtures.PASSWORD);
		assertThat(http.get("/invoices", "Cookie: " + member.cookie(), many).status()).isEqualTo(400);
	}

	@Test
	void aTamperedCsrfTokenIsForbiddenOnEveryKindOfPost() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Session admin = http.signIn(org.admin(), Fixtures.PASSWORD);
		for (String prefix : List.of("AAAA", "____", "////", "zzzz", "0000", "-_-_")) {
			String tampered = prefix + admin.csrf().substring(4);
			for (String target : List.of("/login", "/logout", "/invoices/" + invoice.id(),
					"/invoices/" + invoice.id() + "/archive", "/tickets", "/orgs/switch", "/inspector/misuse")) {
				Answer answer = http.send("POST", target,
						List.of("Cookie: " + admin.cookie(), "Content-Type: application/x-www-form-urlencoded"),
						"_csrf=" + java.net.URLEncoder.encode(tampered, java.nio.charset.StandardCharsets.UTF_8)
								+ "&version=1&customerName=X&status=sent&total=1.00&title=T&orgId=" + org.id());
				assertThat(answer.status()).as(prefix + " " + target).isEqualTo(403);
			}
			// The same without a session: the sign-in form itself.
			Answer anonymous = http.send("POST", "/login", List.of("Content-Type: application/x-www-form-urlencoded"),
					"_csrf=" + prefix + "&username=x&password=y");
			assertThat(anonymous.status()).isEqualTo(403);
		}
		assertThat(fixtures.row(invoice.id()).version()).isEqualTo(1);
	}

	@Test
	void aCsrfTokenInTheQueryStringIsRefused() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Session admin = http.signIn(org.admin(), Fixtures.PASSWORD);
		String token = java.net.URLEncoder.encode(admin.csrf(), java.nio.charset.StandardCharsets.UTF_8);
		Answer answer = http.send("POST", "/invoices/" + invoice.id() + "/archive?_csrf=" + token,
				List.of("Cookie: " + admin.cookie(), "Content-Type: application/x-www-form-urlencoded"), "version=1");
		assertThat(answer.status()).isEqualTo(403);
		assertThat(fixtures.row(invoice.id()).archived()).isFalse();

		// The same token in the body works: the refusal is about where it was sent.
		Answer inBody = http.send("POST", "/invoices/" + invoice.id() + "/archive",
				List.of("Cookie: " + admin.cookie(), "Content-Type: application/x-www-form-urlencoded"),
				"version=1&_csrf=" + token);
		assertThat(inBody.status()).isEqualTo(303);
		assertThat(fixtures.row(invoice.id()).archived()).isTrue();
	}

	@Test
	void fullWidthDigitsAreNotNumbers() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Session admin = http.signIn(org.admin(), Fixtures.PASSWORD);
		// "１" (U+FF11) as UTF-8, percent-encoded.
		Answer path = http.get("/invoices/%EF%BC%91", "Cookie: " + admin.cookie(), "Accept: text/html");
		assertThat(path.status()).isEqualTo(400);
		String token = java.net.URLEncoder.encode(admin.csrf(), java.nio.charset.StandardCharsets.UTF_8);
		Answer version = http.send("POST", "/invoices/" + invoice.id() + "/archive",
				List.of("Cookie: " + admin.cookie(), "Content-Type: application/x-www-form-urlencoded"),
				"version=%EF%BC%91&_csrf=" + token);
		assertThat(version.status()).isEqualTo(400);
		assertThat(fixtures.row(invoice.id()).archived()).isFalse();
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotAServerError() throws Exception {
		for (String method : List.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "PATCH", "DELETE", "POST")) {
			Answer answer = http.send(method, "/error", List.of("Accept: text/html"), method.equals("GET") ? null : "");
			assertThat(answer.status()).as(method).isLessThan(500);
		}
		assertThat(http.get("/error", "Accept: text/html").status()).isEqualTo(404);
	}

	@Test
	void anUnknownCharsetInAFormPostIsNotAServerErrorAndChangesNothing() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		Session admin = http.signIn(org.admin(), Fixtures.PASSWORD);
		String token = java.net.URLEncoder.encode(admin.csrf(), java.nio.charset.StandardCharsets.UTF_8);
		// An unknown (or empty) charset is overridden: the app decodes every request as
		// UTF-8.
		Answer unknownCharset = http.send("POST", "/invoices/" + invoice.id() + "/archive",
				List.of("Cookie: " + admin.cookie(),
						"Content-Type: application/x-www-form-urlencoded; charset=no-such-charset"),
				"version=9&_csrf=" + token);
		assertThat(unknownCharset.status()).isBetween(300, 499);
		for (String type : List.of("multipart/form-data; boundary=", "no/such;;;", "text/plain")) {
			Answer answer = http.send("POST", "/invoices/" + invoice.id() + "/archive",
					List.of("Cookie: " + admin.cookie(), "Content-Type: " + type), "version=1&_csrf=" + token);
			assertThat(answer.status()).as(type).isBetween(400, 499);
		}
		assertThat(fixtures.row(invoice.id()).archived()).isFalse();
	}

	@Test
	void aPercentEncodedControlCharacterInTheUsernameIsA400NotASignIn() throws Exception {
		// Each of these, with the right password, signed in (and got fresh
		// throttle counts).
		for (String suffix : List.of("%00", "%01", "%09", "%7F", "%C2%85", "%E2%80%8B", "%00%00")) {
			Answer answer = signInAttempt(org.member() + suffix, Fixtures.PASSWORD);
			assertThat(answer.status()).as(suffix).isEqualTo(400);
			assertThat(answer.header("Location")).as(suffix).isNull();
			assertThat(answer.body()).as(suffix).contains("cannot contain control characters");
		}
		// Full-width letters are the same account: it signs in (and is throttled
		// with it, LoginThrottleTests).
		String wide = URLEncoder.encode(LoginThrottleTests.fullWidth(org.member()), StandardCharsets.UTF_8);
		assertThat(signInAttempt(wide, Fixtures.PASSWORD).header("Location")).endsWith("/invoices");
	}

	@Test
	void aClientWithoutAnAcceptHeaderIsSentToSignInOnPagesAndGets401JsonOnTheApi() throws Exception {
		TestInvoice invoice = fixtures.invoice(org, "100.00");
		for (String[] accept : List.of(new String[0], new String[] { "Accept: */*" })) {
			for (String page : List.of("/invoices", "/invoices/" + invoice.id(), "/tickets")) {
				Answer answer = http.get(page, accept);
				assertThat(answer.status()).as(page + " " + List.of(accept)).isEqualTo(302);
				assertThat(answer.header("Location")).as(page).endsWith("/login");
			}
			Answer api = http.get("/api/invoices/" + invoice.id() + "/comments", accept);
			assertThat(api.status()).isEqualTo(401);
			assertThat(api.header("Location")).isNull();
			assertThat(api.body()).contains("\"code\":\"unauthorized\"");
		}
		Answer json = http.get("/invoices", "Accept: application/json");
		assertThat(json.status()).isEqualTo(401);
		assertThat(json.body()).contains("\"code\":\"unauthorized\"");
	}

	@Test
	void theIdentitySwitchRotatesTheCsrfTokenAsASignInDoes() throws Exception {
		Session dana = http.signIn("dana@acme.test", "demo");
		Answer switched = http.send("POST", "/inspector/identity",
				List.of("Cookie: " + dana.cookie(), "Content-Type: application/x-www-form-urlencoded",
						"Accept: text/html"),
				"username=priya%40acme.test&_csrf=" + URLEncoder.encode(dana.csrf(), StandardCharsets.UTF_8));
		assertThat(switched.status()).isEqualTo(303);
		String priya = switched.sessionCookie();
		assertThat(priya).as("a new session id").isNotNull().isNotEqualTo(dana.cookie());

		Answer withOldToken = http.send("POST", "/orgs/switch",
				List.of("Cookie: " + priya, "Content-Type: application/x-www-form-urlencoded", "Accept: text/html"),
				"orgId=acme&_csrf=" + URLEncoder.encode(dana.csrf(), StandardCharsets.UTF_8));
		assertThat(withOldToken.status()).as("the token handed to dana").isEqualTo(403);

		Answer page = http.get("/invoices", "Cookie: " + priya, "Accept: text/html");
		assertThat(page.body()).contains("priya@acme.test");
		Answer withNewToken = http.send("POST", "/orgs/switch",
				List.of("Cookie: " + priya, "Content-Type: application/x-www-form-urlencoded", "Accept: text/html"),
				"orgId=acme&_csrf=" + URLEncoder.encode(page.csrfToken(), StandardCharsets.UTF_8));
		assertThat(withNewToken.status()).isEqualTo(303);
	}

	/**
	 * A sign-in with a fresh session and token; {@code encodedUsername} goes in as given.
	 */
	private Answer signInAttempt(String encodedUsername, String password) throws Exception {
		Answer loginPage = http.get("/login", "Accept: text/html");
		return http.send("POST", "/login",
				List.of("Cookie: " + loginPage.sessionCookie(), "Accept: text/html",
						"Content-Type: application/x-www-form-urlencoded"),
				"username=" + encodedUsername.replace("@", "%40") + "&password="
						+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
						+ URLEncoder.encode(loginPage.csrfToken(), StandardCharsets.UTF_8));
	}

	@Test
	void anOddAcceptHeaderOnHealthIsNotAServerError() throws Exception {
		for (String accept : List.of("Accept: ,,,,", "Accept: */*;q=x", "Accept: text/", "Accept: ;;;")) {
			assertThat(http.get("/actuator/health", accept).status()).as(accept).isLessThan(500);
			assertThat(http.get("/login", accept).status()).as(accept).isLessThan(500);
		}
	}

}
