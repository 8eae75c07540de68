package io.ledgerline.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets: what the container cannot read (undecodable
 * percent-encoding, an Accept-Language it refuses) is a 400 here, before any filter trips
 * over it later and turns it into a 500; and a field sent twice is refused rather than
 * silently joined ("A,B") or half-read, unless a feature declared it a repeated field
 * ({@link RepeatedFields}). Reading the parameters here never waits on a client: the body
 * has been read in full, within its deadline, before any filter runs (config's
 * RequestBodyGuard); its refusals carry the protective headers
 * ({@link StandaloneAnswer}), since they are written before the filters that add them.
 */
public final class MalformedRequestFilter extends OncePerRequestFilter {

	private final Set<String> mayRepeat;

	MalformedRequestFilter(Set<String> mayRepeat) {
		this.mayRepeat = Set.copyOf(mayRepeat);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = problemWith(request);
		if (problem != null) {
			refuse(request, response, problem);
			return;
		}
		chain.doFilter(request, response);
	}

	private String problemWith(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException undecodable) {
			// Tomcat: InvalidParameterException ("Character decoding failed") and kin.
			return "The request's parameters could not be decoded.";
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (parameter.getKey().isEmpty()) {
				return "The request has a parameter without a name.";
			}
			if (parameter.getValue().length > 1 && !mayRepeat.contains(parameter.getKey())) {
				return "'" + printable(parameter.getKey()) + "' was sent more than once.";
			}
		}
		try {
			request.getLocales();
		}
		catch (RuntimeException tooManyLocales) {
			return "The Accept-Language header could not be read.";
		}
		return null;
	}

	private static String printable(String name) {
		String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
		return shown.codePoints()
			.map(c -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String message)
			throws IOException {
		// Plain, self-contained text: the page templates need a request that could be
		// read.
		StandaloneAnswer.write(request, response, HttpStatus.BAD_REQUEST.value(), "bad_request", message);
	}

}
