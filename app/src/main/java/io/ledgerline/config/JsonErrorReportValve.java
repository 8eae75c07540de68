package io.ledgerline.config;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import io.ledgerline.web.StandaloneAnswer;

/**
 * What Tomcat answers itself, for a request the app never saw (a request line or headers
 * too long to read, say): the app's error shape instead of Tomcat's HTML page, JSON when
 * the client asked for JSON (as far as the request could be read), plain text otherwise,
 * with the same protective headers as every other answer. Never Tomcat's message or
 * exception: only the status and a fixed sentence for it.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		// A request line too long to read leaves no path and no headers to go by.
		StandaloneAnswer answer = (request.getRequestURI() == null) ? StandaloneAnswer.plain(status, messageOf(known))
				: StandaloneAnswer.of(request, status, codeOf(known), messageOf(known));
		try {
			answer.prepare(response);
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(answer.body());
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException gone) {
			// Nothing more can be sent on this connection.
		}
	}

	private static String codeOf(HttpStatus status) {
		if (status == null || status.is5xxServerError()) {
			return "internal_error";
		}
		return switch (status) {
			case NOT_FOUND -> "not_found";
			case METHOD_NOT_ALLOWED -> "method_not_allowed";
			case TOO_MANY_REQUESTS -> "too_many_requests";
			default -> "bad_request";
		};
	}

	private static String messageOf(HttpStatus status) {
		if (status == null || status.is5xxServerError()) {
			return "Something went wrong on our side.";
		}
		if (status == HttpStatus.BAD_REQUEST) {
			return "The request could not be read (its address or headers may be too long, or malformed).";
		}
		return status.getReasonPhrase() + ".";
	}

}
