package io.ledgerline.web.page;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Every page rendered per request (a form, the tickets, an error page, whatever answered
 * it: a handler, an exception handler or the container's error dispatch) gets its layout
 * frame the one way a prerendered page does: the view that renders it puts a
 * {@link LayoutFrame} in the model as {@code frame}, then fills the frame's holes (and
 * those of any shared fragment on the page, like the ticket board's tokens) from the
 * request's {@link RequestValues}, and writes the page in one write.
 *
 * <p>
 * A view rather than a handler interceptor: an interceptor's {@code postHandle} never
 * sees the model of a page an exception handler answers, and the view is the one step
 * every rendered page goes through.
 */
@Configuration(proxyBeanMethods = false)
class FramedViews {

	/**
	 * Every Thymeleaf view is a {@link FramedView}; and every action that answers
	 * "redirect:…" answers 303 See Other (not 302), so the browser follows with a GET
	 * whatever the original method was.
	 */
	@Bean
	static BeanPostProcessor framedThymeleafViews() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(FramedView.class);
					resolver.setRedirectHttp10Compatible(false);
				}
				return bean;
			}
		};
	}

	/**
	 * {@code @{/…}} links in pages rendered without a request ({@link SharedTemplates}).
	 */
	@Bean
	static BeanPostProcessor requestFreeLinks(Environment environment) {
		String contextPath = environment.getProperty("server.servlet.context-path", "");
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					engine.setLinkBuilder(new RequestFreeLinkBuilder(contextPath));
				}
				return bean;
			}
		};
	}

	/**
	 * A Thymeleaf view with the frame in its model, rendered into memory and answered
	 * with its holes filled. (Thymeleaf writes a page token by token: into memory here,
	 * so the response and its wrappers see one write.) Made by the view resolver, which
	 * hands it the application context.
	 */
	static class FramedView extends ThymeleafView {

		private PageAnswers answers;

		@Override
		protected void initApplicationContext(ApplicationContext context) {
			super.initApplicationContext(context);
			this.answers = context.getBean(PageAnswers.class);
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			RequestValues values = this.answers.valuesOf(request);
			Map<String, Object> framed = model == null ? new HashMap<>() : new HashMap<>(model);
			framed.put("frame", values.frame());
			InMemoryResponse page = new InMemoryResponse(response);
			super.render(framed, request, page);
			this.answers.write(SharedHtml.of(page.text()), values, Map.of(), response);
		}

	}

	/**
	 * The response a view writes its characters into: kept in memory, so a page that
	 * fails halfway leaves nothing behind and a page that renders reaches the real
	 * response once, filled.
	 */
	private static final class InMemoryResponse extends HttpServletResponseWrapper {

		private final Text text = new Text();

		private final PrintWriter writer = new PrintWriter(this.text, false);

		InMemoryResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new IllegalStateException("A page is written as characters.");
		}

		@Override
		public void flushBuffer() {
			// Nothing reaches the client before the holes are filled.
		}

		@Override
		public void resetBuffer() {
			this.text.clear();
		}

		@Override
		public void reset() {
			this.text.clear();
			super.reset();
		}

		String text() {
			this.writer.flush();
			return this.text.toString();
		}

	}

	/** A writer into a string builder, without a lock per write. */
	private static final class Text extends Writer {

		private final StringBuilder text = new StringBuilder(16 * 1024);

		@Override
		public void write(char[] chars, int offset, int length) {
			this.text.append(chars, offset, length);
		}

		@Override
		public void write(String string, int offset, int length) {
			this.text.append(string, offset, offset + length);
		}

		@Override
		public void write(int c) {
			this.text.append((char) c);
		}

		void clear() {
			this.text.setLength(0);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
