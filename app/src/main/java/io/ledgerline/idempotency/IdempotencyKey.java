package io.ledgerline.idempotency;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import io.ledgerline.web.BadRequestException;

/**
 * A client's one-time key for a create: the form's hidden {@link #FIELD} or the
 * {@link #HEADER} header (either, or both with the same value). Visible ASCII, at most
 * {@link #MAX_LENGTH} characters; the forms send a random UUID.
 */
public record IdempotencyKey(String value) {

	public static final String FIELD = "createKey";

	public static final String HEADER = "Idempotency-Key";

	/** Marks a JSON answer that repeats the first result of a key seen before. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	static final int MAX_LENGTH = 100;

	private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

	public IdempotencyKey {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new BadRequestException("An idempotency key is 1 to " + MAX_LENGTH
					+ " visible ASCII characters (letters, digits, punctuation; no spaces).");
		}
	}

	/**
	 * The key the request carries, or empty when it carries none (a create without a key
	 * is not idempotent, as before).
	 * @throws BadRequestException when a key is malformed, or the field and the header
	 * disagree
	 */
	public static Optional<IdempotencyKey> of(HttpServletRequest request) {
		String header = unquoted(request.getHeader(HEADER));
		String field = request.getParameter(FIELD);
		if (header != null && field != null && !header.equals(field)) {
			throw new BadRequestException("The " + HEADER + " header and the " + FIELD + " field name different keys.");
		}
		String value = header != null ? header : field;
		return value == null ? Optional.empty() : Optional.of(new IdempotencyKey(value));
	}

	/**
	 * The header's value; the draft standard writes it as a quoted string
	 * ({@code "8e03978e-…"}), many clients send it bare: both name the same key.
	 */
	private static String unquoted(String header) {
		if (header != null && header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")) {
			return header.substring(1, header.length() - 1);
		}
		return header;
	}

}
