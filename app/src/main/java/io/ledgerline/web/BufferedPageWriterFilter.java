package io.ledgerline.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Collects a page's many small writes into 8 KB chunks before they reach the response
 * wrappers outside it. Thymeleaf writes a page token by token; unbuffered, every token
 * went through Spring Security's response wrappers (which check the buffer size on each
 * write) and Tomcat's char-to-byte converter one at a time, a third of a list page's CPU
 * (docs/BENCHMARKS.md). Registered after the security filters, so their wrappers see only
 * the chunks. A request that fails leaves nothing of its unflushed output behind.
 */
final class BufferedPageWriterFilter extends OncePerRequestFilter {

	static final int CHUNK = 8192;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BufferedWriterResponse buffered = new BufferedWriterResponse(response);
		chain.doFilter(request, buffered);
		buffered.flushWriter();
	}

	static final class BufferedWriterResponse extends HttpServletResponseWrapper {

		private PrintWriter writer;

		BufferedWriterResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (writer == null) {
				writer = new PrintWriter(new BufferedWriter(super.getWriter(), CHUNK), false);
			}
			return writer;
		}

		@Override
		public void flushBuffer() throws IOException {
			flushWriter();
			super.flushBuffer();
		}

		@Override
		public void resetBuffer() {
			writer = null;
			super.resetBuffer();
		}

		@Override
		public void reset() {
			writer = null;
			super.reset();
		}

		void flushWriter() {
			if (writer != null) {
				writer.flush();
			}
		}

	}

}
