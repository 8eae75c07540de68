package io.ledgerline.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, to the app on its real port: what a hostile client sends
 * reaches the container exactly as written (no client library fixes the URL or the
 * headers first), so container-level decoding runs as in production.
 */
final class RawHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;

	/** How long to wait for an answer: a test's detector of a request that never ends. */
	private final int readTimeoutMillis;

	RawHttp(int port) {
		this(port, 20_000);
	}

	RawHttp(int port, int readTimeoutMillis) {
		this.port = port;
		this.readTimeoutMillis = readTimeoutMillis;
	}

	record Answer(int status, List<String> headers, String body) {

		String header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			return headers.stream()
				.filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map(h -> h.substring(prefix.length()).trim())
				.findFirst()
				.orElse(null);
		}

		/** The JSESSIONID this answer set, if any. */
		String sessionCookie() {
			return headers.stream()
				.filter(h -> h.toLowerCase(Locale.ROOT).startsWith("set-cookie:"))
				.map(h -> h.substring("set-cookie:".length()).trim())
				.filter(c -> c.startsWith("JSESSIONID="))
				.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
				.findFirst()
				.orElse(null);
		}

		String csrfToken() {
			Matcher m = CSRF.matcher(body);
			return m.find() ? m.group(1) : null;
		}

	}

	/**
	 * Sends {@code method target} with the given header lines (each "Name: value") and
	 * body; adds Host, Connection: close and Content-Length.
	 */
	Answer send(String method, String target, List<String> headers, String body) throws IOException {
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
		head.append("Host: 127.0.0.1:").append(port).append("\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		head.append("Connection: close\r\n");
		if (body != null) {
			head.append("Content-Length: ").append(content.length).append("\r\n");
		}
		head.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(readTimeoutMillis);
			// One write, as a browser sends a small form: head and body arrive together.
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			request.write(content);
			OutputStream out = socket.getOutputStream();
			out.write(request.toByteArray());
			out.flush();
			return parse(readUntilClosed(socket.getInputStream()));
		}
	}

	/**
	 * Everything the server sends until it closes. A server that refuses a request it did
	 * not read to the end (too long, say) closes with unread bytes, which resets the
	 * connection after its answer: what arrived before the reset is the answer.
	 */
	static byte[] readUntilClosed(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				received.write(buffer, 0, n);
			}
		}
		catch (SocketException reset) {
			if (received.size() == 0) {
				throw reset;
			}
		}
		return received.toByteArray();
	}

	Answer get(String target, String... headers) throws IOException {
		return send("GET", target, List.of(headers), null);
	}

	/**
	 * A signed-in session (its cookie and a CSRF token for it), through the login form.
	 */
	record Session(String cookie, String csrf) {
	}

	Session signIn(String email, String password) throws IOException {
		Answer loginPage = get("/login", "Accept: text/html");
		String cookie = loginPage.sessionCookie();
		String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(loginPage.csrfToken(), StandardCharsets.UTF_8);
		Answer login = send("POST", "/login",
				List.of("Cookie: " + cookie, "Accept: text/html", "Content-Type: application/x-www-form-urlencoded"),
				form);
		if (login.status() / 100 != 3 || login.header("Location").contains("error")) {
			throw new IllegalStateException("sign-in failed: " + login.status() + " " + login.header("Location"));
		}
		String signedIn = login.sessionCookie() != null ? login.sessionCookie() : cookie;
		Answer page = get("/invoices", "Cookie: " + signedIn, "Accept: text/html");
		return new Session(signedIn, page.csrfToken());
	}

	static Answer parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		String head = end < 0 ? text : text.substring(0, end);
		String body = end < 0 ? "" : text.substring(end + 4);
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
		return new Answer(status, headers, body);
	}

}
