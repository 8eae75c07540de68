package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.util.List;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.beans.factory.ObjectProvider;

import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.spring.CachedRead;

/**
 * Serves a {@link CachedRead} method from the cache: the method itself is the loader.
 */
final class CachedReadInterceptor implements MethodInterceptor {

	private final ObjectProvider<TagCache> cache;

	private final TagExpressions expressions;

	private final MethodAnnotations<CachedRead> reads = new MethodAnnotations<>(CachedRead.class);

	CachedReadInterceptor(ObjectProvider<TagCache> cache, TagExpressions expressions) {
		this.cache = cache;
		this.expressions = expressions;
	}

	@Override
	public Object invoke(MethodInvocation call) throws Throwable {
		CachedRead read = reads.find(call);
		if (read == null) {
			return call.proceed();
		}
		TagCache tagCache = cache.getObject();
		String key = expressions.key(read.key(), call);
		List<String> tags = expressions.tags(read.tags(), call);
		// A clone per load: a background refresh proceeds after this call has returned,
		// on another thread, through the rest of the chain (a transaction, for one).
		ProxyMethodInvocation invocation = (ProxyMethodInvocation) call;
		try {
			return tagCache.get(key, tags, tagCache.profile(read.life()), () -> load(invocation, key)).value();
		}
		catch (LoaderFailure failure) {
			throw failure.getCause();
		}
	}

	private static Object load(ProxyMethodInvocation call, String key) {
		Object value;
		try {
			value = call.invocableClone().proceed();
		}
		catch (RuntimeException | Error e) {
			throw e;
		}
		catch (Throwable checked) {
			throw new LoaderFailure(checked);
		}
		if (value == null) {
			throw new IllegalStateException(
					"@CachedRead method " + TagExpressions.describe(call) + " returned null for key '" + key
							+ "'; a cached read must return a value (an Optional for 'nothing')");
		}
		return value;
	}

	/** Carries a checked exception of the method through the cache's loader. */
	private static final class LoaderFailure extends RuntimeException {

		LoaderFailure(Throwable cause) {
			super(cause);
		}

	}

}
