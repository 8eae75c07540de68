package io.ledgerline.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON envelope of every API answer and of actions asked for as JSON:
 * {@code {"ok":true,"data":…}} or {@code {"ok":false,"error":{"code","message"}}}. A
 * conflict also carries the server's current row, inside the error and beside it, so a
 * client can recover without a second round trip whichever it reads. A validation failure
 * carries its messages by field in {@code error.fieldErrors} (and, for clients written
 * before that field existed, in {@code current.fieldErrors}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse(boolean ok, Object data, ApiError error, Object current) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ApiError(String code, String message, Object current, Map<String, String> fieldErrors) {

		public ApiError(String code, String message, Object current) {
			this(code, message, current, null);
		}

	}

	public static ApiResponse ok(Object data) {
		return new ApiResponse(true, data, null, null);
	}

	public static ApiResponse error(String code, String message) {
		return new ApiResponse(false, null, new ApiError(code, message, null), null);
	}

	public static ApiResponse validation(String message, Map<String, String> fieldErrors) {
		return new ApiResponse(false, null, new ApiError("validation", message, null, fieldErrors),
				Map.of("fieldErrors", fieldErrors));
	}

	public static ApiResponse conflict(String message, Object current) {
		return new ApiResponse(false, null, new ApiError("conflict", message, current), current);
	}

}
