package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.util.List;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.beans.factory.ObjectProvider;

import io.ledgerline.tagcache.InvocationSource;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tagcache.spring.RevalidatesTags;
import io.ledgerline.tagcache.spring.UpdatesTags;

/**
 * Runs the invalidations an {@link UpdatesTags} or {@link RevalidatesTags} method
 * declares once it has returned. The cache's commit binding defers them to the commit of
 * the surrounding transaction (or drops them on rollback); a method that throws
 * invalidates nothing. The tags and the action scope are checked before the method runs,
 * so a write is never made whose invalidation is refused afterwards.
 */
final class TagWriteInterceptor implements MethodInterceptor {

	private final ObjectProvider<TagCache> cache;

	private final TagExpressions expressions;

	private final MethodAnnotations<UpdatesTags> updating = new MethodAnnotations<>(UpdatesTags.class);

	private final MethodAnnotations<RevalidatesTags> revalidating = new MethodAnnotations<>(RevalidatesTags.class);

	TagWriteInterceptor(ObjectProvider<TagCache> cache, TagExpressions expressions) {
		this.cache = cache;
		this.expressions = expressions;
	}

	@Override
	public Object invoke(MethodInvocation call) throws Throwable {
		UpdatesTags updates = updating.find(call);
		RevalidatesTags revalidates = revalidating.find(call);
		List<String> updated = updates == null ? List.of() : expressions.tags(updates.value(), call);
		List<String> revalidated = revalidates == null ? List.of() : expressions.tags(revalidates.value(), call);
		TagCache tagCache = cache.getObject();
		if (!updated.isEmpty() && TagCache.currentSource() != InvocationSource.ACTION) {
			throw new IllegalStateException("@UpdatesTags on " + TagExpressions.describe(call)
					+ ": updateTag is only available inside an action (a user's mutation request), not in a "
					+ TagCache.currentSource().label() + "; use @RevalidatesTags for background work");
		}
		if (revalidates != null) {
			// Fails on an unknown profile before the write, not after it.
			tagCache.profile(revalidates.profile());
		}
		Object result = call.proceed();
		if (!updated.isEmpty()) {
			tagCache.updateTags(updated);
		}
		for (String tag : revalidated) {
			tagCache.revalidateTag(tag, revalidates.profile());
		}
		return result;
	}

}
