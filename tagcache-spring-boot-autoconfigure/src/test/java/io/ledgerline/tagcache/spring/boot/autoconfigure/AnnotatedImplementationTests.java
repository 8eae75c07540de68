package io.ledgerline.tagcache.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ledgerline.tagcache.InvocationScope;
import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.spring.CachedRead;
import io.ledgerline.tagcache.spring.UpdatesTags;

/**
 * The annotations on an implementation's methods, called through its interface: a class
 * proxy (Spring Boot's default) and an interface proxy
 * ({@code spring.aop.proxy-target-class=false}) both cache the read and invalidate after
 * the write. An interface proxy's call names the interface's method, which carries no
 * annotation.
 */
class AnnotatedImplementationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TagCacheAutoConfiguration.class))
		.withUserConfiguration(Library.class);

	@ParameterizedTest(name = "spring.aop.proxy-target-class={0}")
	@ValueSource(booleans = { true, false })
	void theReadIsCachedAndTheWriteInvalidatesItWhicheverProxyServesTheCall(boolean proxyTargetClass) {
		runner.withPropertyValues("spring.aop.proxy-target-class=" + proxyTargetClass).run(context -> {
			Books books = context.getBean(Books.class);
			assertThat(AopUtils.isJdkDynamicProxy(books)).isEqualTo(!proxyTargetClass);
			assertThat(AopUtils.isCglibProxy(books)).isEqualTo(proxyTargetClass);

			assertThat(books.title(7)).isEqualTo("Book 7, edition 0");
			assertThat(books.title(7)).isEqualTo("Book 7, edition 0");
			assertThat(books.loads()).isEqualTo(1);

			try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
				books.newEdition(7);
			}
			assertThat(books.title(7)).isEqualTo("Book 7, edition 1");
			assertThat(books.loads()).isEqualTo(2);
		});
	}

	interface Books {

		String title(long id);

		void newEdition(long id);

		int loads();

	}

	static class Shelf implements Books {

		private final AtomicInteger loads = new AtomicInteger();

		private final Map<Long, Integer> editions = new ConcurrentHashMap<>();

		@Override
		@CachedRead(key = "'book:' + #id", tags = "'book:' + #id")
		public String title(long id) {
			loads.incrementAndGet();
			return "Book " + id + ", edition " + editions.getOrDefault(id, 0);
		}

		@Override
		@UpdatesTags("'book:' + #id")
		public void newEdition(long id) {
			editions.merge(id, 1, Integer::sum);
		}

		@Override
		public int loads() {
			return loads.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Library {

		@Bean
		Books books() {
			return new Shelf();
		}

	}

}
