package io.ledgerline.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One user's browser over real HTTP: one cookie jar for every instance (cookies ignore
 * ports, as they would behind one load balancer's host), redirects not followed so the
 * test decides which instance serves the next request.
 */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	HttpResponse<String> get(String base, String path) {
		return get(base, path, "text/html");
	}

	HttpResponse<String> get(String base, String path, String accept) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
	}

	HttpResponse<String> post(String base, String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * A form post with the CSRF token of {@code formPage} as rendered by {@code from}.
	 */
	HttpResponse<String> submit(String from, String formPage, String to, String path, Map<String, String> fields) {
		HttpResponse<String> page = get(from, formPage);
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf(page.body()));
		return post(to, path, form);
	}

	/** Signs in: the login form from one instance, the POST to another. */
	HttpResponse<String> signIn(String formFrom, String postTo, String email, String password) {
		return submit(formFrom, "/login", postTo, "/login", Map.of("username", email, "password", password));
	}

	String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(c -> c.getValue())
			.findFirst()
			.orElse(null);
	}

	/** Sends {@code value} as cookie {@code name} from now on, as any client may. */
	void setCookie(String base, String name, String value) {
		forget(name);
		URI uri = URI.create(base);
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setDomain(uri.getHost());
		cookie.setPath("/");
		cookie.setVersion(0);
		cookies.getCookieStore().add(uri, cookie);
	}

	void forget(String name) {
		cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList().forEach(c -> {
			for (URI uri : cookies.getCookieStore().getURIs()) {
				cookies.getCookieStore().remove(uri, c);
			}
		});
	}

	static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new AssertionError("no CSRF token in the page:\n" + html);
		}
		return m.group(1);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
