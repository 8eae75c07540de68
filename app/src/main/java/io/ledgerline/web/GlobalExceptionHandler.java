package io.ledgerline.web;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * The one place where exceptions become answers: the JSON envelope for API and JSON
 * requests, an error page otherwise. Nothing internal (stack, SQL) reaches the client.
 */
@ControllerAdvice
class GlobalExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

	@ExceptionHandler(NotFoundException.class)
	Object notFound(NotFoundException e, HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_FOUND, "not_found", e.getMessage());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(NoResourceFoundException e, HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_FOUND, "not_found", "There is nothing at this address.");
	}

	@ExceptionHandler(ForbiddenException.class)
	Object forbidden(ForbiddenException e, HttpServletRequest request) {
		return answer(request, HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
	}

	@ExceptionHandler(BadRequestException.class)
	Object badRequest(BadRequestException e, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "bad_request", "'" + e.getName() + "' has an invalid value.");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "bad_request", "'" + e.getParameterName() + "' is required.");
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MaxUploadSizeExceededException.class })
	Object unreadable(Exception e, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "bad_request", "The request body could not be read.");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
		return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
				"This address does not accept " + e.getMethod() + ".");
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_ACCEPTABLE, "not_acceptable",
				"This address cannot answer in the requested format.");
	}

	@ExceptionHandler(ConflictException.class)
	Object conflict(ConflictException e, HttpServletRequest request) {
		if (JsonRequests.wantsJson(request)) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.contentType(MediaType.APPLICATION_JSON)
				.body(ApiResponse.conflict(e.getMessage(), e.current()));
		}
		return ErrorPage.of(HttpStatus.CONFLICT, e.getMessage());
	}

	@ExceptionHandler(OrgMismatchException.class)
	Object orgMismatch(OrgMismatchException e, HttpServletRequest request) {
		return answer(request, HttpStatus.CONFLICT, "org_mismatch", e.getMessage());
	}

	@ExceptionHandler(ValidationException.class)
	Object validation(ValidationException e, HttpServletRequest request) {
		if (JsonRequests.wantsJson(request)) {
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
				.contentType(MediaType.APPLICATION_JSON)
				.body(ApiResponse.validation(e.getMessage(), e.fieldErrors()));
		}
		return ErrorPage.of(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
	}

	/**
	 * What the client got wrong stays the client's 4xx: a framework exception that
	 * carries a 4xx status (binding, media types, actuator arguments, anything annotated
	 * with one) keeps it, whichever handler would otherwise have caught it.
	 */
	@ExceptionHandler({ InvalidParameterException.class, InvalidMediaTypeException.class,
			InvalidMimeTypeException.class })
	Object unreadableRequest(Exception e, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "bad_request", "The request could not be understood.");
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception e, HttpServletRequest request) {
		HttpStatus clientError = clientErrorOf(e);
		if (clientError != null) {
			return answer(request, clientError, ErrorPageController.codeOf(clientError),
					ErrorPageController.messageFor(clientError));
		}
		log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
		return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
				"Something went wrong on our side. Nothing was changed; please try again.");
	}

	private static HttpStatus clientErrorOf(Exception e) {
		HttpStatusCode code = null;
		if (e instanceof ErrorResponse framework) {
			code = framework.getStatusCode();
		}
		else {
			ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
			code = annotated == null ? null : annotated.code();
		}
		HttpStatus status = code == null ? null : HttpStatus.resolve(code.value());
		return status != null && status.is4xxClientError() ? status : null;
	}

	private Object answer(HttpServletRequest request, HttpStatus status, String code, String message) {
		if (JsonRequests.wantsJson(request)) {
			return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_JSON)
				.body(ApiResponse.error(code, message));
		}
		return ErrorPage.of(status, message);
	}

}
