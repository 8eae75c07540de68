package io.ledgerline.tagcache.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

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
 * The annotations on an implementation's methods or on its interface's, called through
 * the interface: a class proxy (Spring Boot's default) and an interface proxy
 * ({@code spring.aop.proxy-target-class=false}) both cache the read and invalidate after
 * the write. An interface proxy's call names the interface's method, a class proxy's the
 * class's: either may be the one without the annotation.
 */
class AnnotatedMethodsTests {

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
			assertCachedAndInvalidated(books::title, books::newEdition, books::loads);

			Records records = context.getBean(Records.class);
			assertThat(AopUtils.isJdkDynamicProxy(records)).isEqualTo(!proxyTargetClass);
			assertCachedAndInvalidated(records::title, records::newEdition, records::loads);
		});
	}

	private static void assertCachedAndInvalidated(LongFunction<String> title, LongConsumer newEdition,
			IntSupplier loads) {
		assertThat(title.apply(7)).endsWith(" 7, edition 0");
		assertThat(title.apply(7)).endsWith(" 7, edition 0");
		assertThat(loads.getAsInt()).isEqualTo(1);

		try (InvocationScope action = TagCache.openScope(InvocationSource.ACTION)) {
			newEdition.accept(7);
		}
		assertThat(title.apply(7)).endsWith(" 7, edition 1");
		assertThat(loads.getAsInt()).isEqualTo(2);
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

	/** The annotations on the interface this time; the implementation has none. */
	interface Records {

		@CachedRead(key = "'record:' + #id", tags = "'record:' + #id")
		String title(long id);

		@UpdatesTags("'record:' + #id")
		void newEdition(long id);

		int loads();

	}

	static class Crate implements Records {

		private final AtomicInteger loads = new AtomicInteger();

		private final Map<Long, Integer> editions = new ConcurrentHashMap<>();

		@Override
		public String title(long id) {
			loads.incrementAndGet();
			return "Record " + id + ", edition " + editions.getOrDefault(id, 0);
		}

		@Override
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

		@Bean
		Records records() {
			return new Crate();
		}

	}

}
