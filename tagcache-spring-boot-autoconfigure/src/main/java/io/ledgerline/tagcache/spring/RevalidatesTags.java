package io.ledgerline.tagcache.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write nobody is waiting on (a job, a webhook, an import): once the method has
 * returned, {@code revalidateTag(tag, profile)} runs for each tag
 * (stale-while-revalidate: the next read is served the old value and starts one
 * background refresh). Allowed anywhere. Bound to the commit like {@link UpdatesTags}:
 * after it, never on rollback, not at all when the method throws.
 *
 * <p>
 * Each tag is a SpEL expression over the arguments (see {@link CachedRead}), evaluated
 * before the method runs.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RevalidatesTags {

	/**
	 * The tags to revalidate, each a SpEL expression yielding a string or a collection of
	 * strings.
	 */
	String[] value();

	/**
	 * How long the old entries may still be served stale: a cache-life profile's
	 * {@code expire} (default {@code max}, as Next.js recommends).
	 */
	String profile() default "max";

}
