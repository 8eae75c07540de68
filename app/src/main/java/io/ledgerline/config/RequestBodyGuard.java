package io.ledgerline.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.ContinueResponseTiming;
import org.apache.tomcat.util.buf.ByteChunk;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.springframework.http.HttpStatus;

import io.ledgerline.web.StandaloneAnswer;

/**
 * Reads every request body before the application sees the request, so no filter,
 * controller or CSRF check ever waits on the network for one, and bounds how long and how
 * many threads that reading may take. A body already in the connector's buffer (the usual
 * form post) is simply copied. A body still on its way needs one of a few "slow body"
 * slots ({@link SlowBodySlots}: a few per client address, a few in all), or the request
 * is refused at once (429), and must arrive within the deadline, measured on the app's
 * clock after every read, or the request is refused (408); a read that gets nothing at
 * all ends after the connector's read timeout ({@code server.tomcat.connection-timeout}).
 * So a slow or stalled sender holds one thread for at most the deadline plus one read
 * timeout, and slow senders together never hold more than {@code slow-total} of the
 * request threads. The body is then handed back to Tomcat to replay, so its own parsing
 * (form parameters, size limits, decoding errors) works unchanged.
 *
 * <p>
 * The client address is {@link Request#getRemoteAddr()}: the peer of the connection, or
 * what Tomcat's RemoteIpValve made of {@code X-Forwarded-For} when
 * {@code server.forward-headers-strategy=native} names trusted proxies (it runs in the
 * engine, before this context valve). Never a header taken on trust.
 */
final class RequestBodyGuard extends ValveBase {

	private final RequestBodyLimits limits;

	private final SlowBodySlots slots;

	private final Clock clock;

	private final SlowBodyMetrics metrics;

	RequestBodyGuard(RequestBodyLimits limits, SlowBodySlots slots, Clock clock, SlowBodyMetrics metrics) {
		super(true);
		this.limits = limits;
		this.slots = slots;
		this.clock = clock;
		this.metrics = metrics;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		org.apache.coyote.Request coyote = request.getCoyoteRequest();
		long length = coyote.getContentLengthLong();
		boolean chunked = length < 0 && isChunked(request);
		if (length == 0 || (length < 0 && !chunked)) {
			getNext().invoke(request, response);
			return;
		}
		long maxSize = limits.maxSize().toBytes();
		if (length > maxSize) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
					"The request body is larger than " + maxSize + " bytes.");
			return;
		}
		Instant deadline = clock.instant().plus(limits.deadline());
		Body body = new Body(length, maxSize);
		Refusal refusal;
		if (!chunked && available(coyote) >= length) {
			// Already here: copying it cannot block, so it needs no slot.
			refusal = body.read(coyote, null);
		}
		else {
			String address = request.getRemoteAddr();
			if (!slots.tryTake(address)) {
				response.setHeader("Retry-After", Long.toString(Math.max(1, limits.deadline().toSeconds())));
				refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "too_many_requests",
						"Too many requests from your address are still sending their bodies. Try again in a few seconds.");
				return;
			}
			try {
				// "100 Continue" for a client waiting for it: Tomcat
				// would send it only once past this valve.
				response.sendAcknowledgement(ContinueResponseTiming.IMMEDIATELY);
				refusal = body.read(coyote, deadline);
			}
			finally {
				slots.release(address);
			}
		}
		if (refusal != null) {
			refuse(request, response, refusal.status(), refusal.code(), refusal.message());
			return;
		}
		coyote.action(ActionCode.REQ_SET_BODY_REPLAY, body.chunk());
		getNext().invoke(request, response);
	}

	private static boolean isChunked(Request request) {
		String encoding = request.getHeader("Transfer-Encoding");
		return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
	}

	/** What the connector holds of the body already, without reading the socket. */
	private static int available(org.apache.coyote.Request coyote) {
		coyote.action(ActionCode.AVAILABLE, Boolean.FALSE);
		return coyote.getAvailable();
	}

	/**
	 * Answers and closes the connection without reading the rest of the body: Tomcat
	 * would otherwise swallow it after the answer, on this thread, at the sender's pace.
	 */
	private void refuse(Request request, Response response, HttpStatus status, String code, String message)
			throws IOException {
		metrics.refused(code);
		request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		response.setHeader("Connection", "close");
		try {
			StandaloneAnswer.write(request, response, status.value(), code, message);
			// Answered: Tomcat's error-page step must not add the app's error page to it.
			response.setErrorReported();
		}
		catch (IOException gone) {
			// The sender went away (or its socket timed out); nobody is left to answer.
		}
	}

	private record Refusal(HttpStatus status, String code, String message) {
	}

	/** The body as read so far. */
	private final class Body implements ApplicationBufferHandler {

		private final ByteArrayOutputStream bytes;

		private final long maxSize;

		private ByteBuffer last = ApplicationBufferHandler.EMPTY_BUFFER;

		Body(long length, long maxSize) {
			this.bytes = new ByteArrayOutputStream((int) Math.min(length > 0 ? length : 8192, 64 * 1024));
			this.maxSize = maxSize;
		}

		/** Reads to the end; {@code deadline} null: the body is known to be buffered. */
		Refusal read(org.apache.coyote.Request coyote, Instant deadline) {
			try {
				while (true) {
					int n = coyote.doRead(this);
					if (n < 0) {
						return null;
					}
					byte[] chunk = new byte[last.remaining()];
					last.get(chunk);
					bytes.write(chunk, 0, chunk.length);
					if (bytes.size() > maxSize) {
						return new Refusal(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
								"The request body is larger than " + maxSize + " bytes.");
					}
					if (deadline != null && clock.instant().isAfter(deadline)) {
						return tooSlow();
					}
				}
			}
			catch (IOException timedOutOrGone) {
				return tooSlow();
			}
		}

		private Refusal tooSlow() {
			return new Refusal(HttpStatus.REQUEST_TIMEOUT, "request_timeout",
					"The request body did not arrive within " + limits.deadline().toSeconds() + " seconds.");
		}

		ByteChunk chunk() {
			ByteChunk chunk = new ByteChunk();
			byte[] all = bytes.toByteArray();
			chunk.setBytes(all, 0, all.length);
			return chunk;
		}

		@Override
		public void setByteBuffer(ByteBuffer buffer) {
			last = buffer;
		}

		@Override
		public ByteBuffer getByteBuffer() {
			return last;
		}

		@Override
		public void expand(int size) {
			// The connector's own buffer is read in place and copied out; nothing to
			// grow.
		}

	}

}
