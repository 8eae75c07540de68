package io.ledgerline.comments;

import java.util.Map;
import java.util.UUID;

import io.ledgerline.web.BadRequestException;
import io.ledgerline.web.ValidationException;

/**
 * A post as the boundary accepts it: a canonical UUID the client chose (its idempotency
 * key, and the comment's id) and a trimmed body of 1–2,000 characters without control
 * characters (line breaks and tabs are text).
 */
record NewComment(UUID clientId, String body) {

	static final int MAX_BODY = 2000;

	/**
	 * A plain form may leave {@code clientId} out: the server then picks one, so the post
	 * still works, just without a client's retry protection.
	 */
	static NewComment parse(String clientId, String body) {
		UUID id = clientId == null || clientId.isBlank() ? UUID.randomUUID() : parseClientId(clientId.trim());
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw invalid("Write something before posting.");
		}
		if (text.length() > MAX_BODY) {
			throw invalid("A comment is at most " + MAX_BODY + " characters (this one has " + text.length() + ").");
		}
		if (text.chars().anyMatch(NewComment::isForbiddenControl)) {
			throw invalid("A comment cannot contain control characters.");
		}
		return new NewComment(id, text);
	}

	private static UUID parseClientId(String clientId) {
		try {
			UUID id = UUID.fromString(clientId);
			if (id.toString().equals(clientId.toLowerCase(java.util.Locale.ROOT))) {
				return id;
			}
		}
		catch (IllegalArgumentException e) {
			// answered below
		}
		throw new BadRequestException("clientId must be a UUID (8-4-4-4-12 hexadecimal digits).");
	}

	private static boolean isForbiddenControl(int c) {
		return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
	}

	private static ValidationException invalid(String message) {
		return new ValidationException(Map.of("body", message));
	}

}
