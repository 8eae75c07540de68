package io.ledgerline.invoices.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.ledgerline.tenancy.ActingUserResolver;
import io.ledgerline.web.NotFoundException;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceReads;

/**
 * {@code GET /invoices/INV-1042} (the number people read in the UI and the README)
 * answers 303 See Other to the invoice's id URL, within the user's active org, and so do
 * the pages under it ({@code /edit}, {@code /print}, {@code /delete}, {@code .pdf}), to
 * the same page of the id URL. Anything else under {@code /invoices/} goes on to the
 * controllers untouched, so a malformed id is still their 400.
 */
@Configuration(proxyBeanMethods = false)
class InvoiceNumberLinks implements WebMvcConfigurer {

	/** Invoice numbers are a letter prefix, a dash and digits (INV-1042, GLX-2001). */
	static final Pattern NUMBER = Pattern.compile("[A-Z][A-Z0-9]{0,9}-[0-9]{1,12}");

	/**
	 * A number in the path, and the page of that invoice it asks for (none: the detail).
	 */
	private static final Pattern NUMBERED_PATH = Pattern
		.compile("/invoices/(" + NUMBER.pattern() + ")(/edit|/print|/delete|\\.pdf)?");

	private final NumberRedirect holder;

	InvoiceNumberLinks(InvoiceReads invoices, ActingUserResolver users) {
		this.holder = new NumberRedirect(invoices, users);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(holder)
			.addPathPatterns("/invoices/*", "/invoices/*/edit", "/invoices/*/print", "/invoices/*/delete");
	}

	private record NumberRedirect(InvoiceReads invoices, ActingUserResolver users) implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (!"GET".equals(request.getMethod())) {
				return true;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			Matcher numbered = NUMBERED_PATH.matcher(path);
			if (!numbered.matches()) {
				return true;
			}
			String number = numbered.group(1);
			String page = numbered.group(2) == null ? "" : numbered.group(2);
			long id = invoices.idOf(users.require(request), number)
				.orElseThrow(() -> new NotFoundException("Invoice " + number + " was not found."));
			response.setStatus(HttpStatus.SEE_OTHER.value());
			response.setHeader("Location", request.getContextPath() + "/invoices/" + id + page);
			return false;
		}

	}

}
