package io.ledgerline.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * A refusal written outside the filters that give every other answer its headers (the
 * request is refused before them, or by the container itself): the JSON envelope when the
 * client asked for JSON, one line of plain text otherwise, and the same protective
 * headers as any page: nothing in it may be sniffed as HTML, framed, run or cached.
 *
 * @param contentType the media type of {@code body}, with its charset
 * @param body the text to send
 */
public record StandaloneAnswer(String contentType, String body) {

	/** Nothing to load: the answer is text, so nothing else is allowed at all. */
	static final String POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The answer for {@code request}: JSON if it asked for JSON, plain text otherwise.
	 */
	public static StandaloneAnswer of(HttpServletRequest request, int status, String code, String message) {
		if (JsonRequests.wantsJson(request)) {
			return new StandaloneAnswer(MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8",
					JSON.writeValueAsString(ApiResponse.error(code, message)));
		}
		return plain(status, message);
	}

	/** Plain text, for a request too broken to tell what it asked for. */
	public static StandaloneAnswer plain(int status, String message) {
		HttpStatus known = HttpStatus.resolve(status);
		String reason = known == null ? "" : " " + known.getReasonPhrase();
		return new StandaloneAnswer(MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8",
				status + reason + ": " + message + "\n");
	}

	/** Sets the status, the headers and the body on {@code response}, and sends them. */
	public static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
			String message) throws IOException {
		StandaloneAnswer answer = of(request, status, code, message);
		response.setStatus(status);
		answer.prepare(response);
		response.getWriter().write(answer.body());
		response.flushBuffer();
	}

	/** The headers and content type; the caller writes {@link #body()}. */
	public void prepare(HttpServletResponse response) {
		protect(response);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(contentType);
	}

	/** The headers Spring Security and the CSP filter give every other answer. */
	public static void protect(HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy", POLICY);
		response.setHeader("Cache-Control", "no-store");
	}

}
