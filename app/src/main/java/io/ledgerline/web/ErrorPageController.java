package io.ledgerline.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that never reached a controller (a filter, the container) still answer in the
 * app's shapes: the JSON envelope for API and JSON requests, the error page otherwise.
 * Replaces Boot's default, whose JSON has a different shape and whose page leaks details.
 */
@Controller
class ErrorPageController implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		String message = messageFor(status);
		if (JsonRequests.wantsJson(request) || isJsonOriginalRequest(request)) {
			return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_JSON)
				.body(ApiResponse.error(codeOf(status), message));
		}
		return ErrorPage.of(status, message);
	}

	/** A message safe to show for a status, whatever caused it. */
	static String messageFor(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "There is nothing at this address.";
			case FORBIDDEN -> "You are not allowed to do that.";
			case UNAUTHORIZED -> "Sign in to continue.";
			case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
			case NOT_ACCEPTABLE -> "This address cannot answer in the requested format.";
			case UNSUPPORTED_MEDIA_TYPE -> "This address does not accept that kind of request body.";
			case PAYLOAD_TOO_LARGE -> "The request is too large.";
			default -> status.is4xxClientError() ? "The request could not be understood."
					: "Something went wrong on our side. Please try again.";
		};
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// Asked for directly, not forwarded by the container: no error to show.
			return HttpStatus.NOT_FOUND;
		}
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	private static boolean isJsonOriginalRequest(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri instanceof String path && path.startsWith(request.getContextPath() + "/api/");
	}

	static String codeOf(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "bad_request";
			case UNAUTHORIZED -> "unauthorized";
			case FORBIDDEN -> "forbidden";
			case NOT_FOUND -> "not_found";
			case METHOD_NOT_ALLOWED -> "method_not_allowed";
			case NOT_ACCEPTABLE -> "not_acceptable";
			case TOO_MANY_REQUESTS -> "too_many_requests";
			case CONFLICT -> "conflict";
			case UNPROCESSABLE_CONTENT -> "validation";
			default -> status.is4xxClientError() ? "bad_request" : "internal_error";
		};
	}

}
