package io.ledgerline.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON envelope of every API answer and of actions asked for as JSON:
 * {@code {"ok":true,"data":…}} or {@code {"ok":false,"error":{"code","message"}}}. A
 * conflict also carries the server's current row, inside the error and beside it, so a
 * client can recover without a second round trip whichever it reads.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse(boolean ok, Object data, ApiError error, Object current) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ApiError(String code, String message, Object current) {
	}

	public static ApiResponse ok(Object data) {
		return new ApiResponse(true, data, null, null);
	}

	public static ApiResponse error(String code, String message) {
		return new ApiResponse(false, null, new ApiError(code, message, null), null);
	}

	public static ApiResponse conflict(String message, Object current) {
		return new ApiResponse(false, null, new ApiError("conflict", message, current), current);
	}

}
