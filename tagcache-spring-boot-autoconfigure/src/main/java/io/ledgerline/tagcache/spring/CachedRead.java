package io.ledgerline.tagcache.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A cached read: the method's result is served from the
 * {@link io.ledgerline.tagcache.TagCache} under {@link #key()}, tagged with
 * {@link #tags()}, for as long as the cache-life profile {@link #life()} allows; the
 * method runs only on a miss or a background refresh (once, however many callers miss at
 * the same time).
 *
 * <p>
 * {@code key} and {@code tags} are SpEL expressions over the arguments, as in
 * {@code @Cacheable}: {@code #id} (or {@code #p0}, {@code #a0}) is an argument,
 * {@code #root.method} and {@code #root.target} are at hand. A tag expression may yield a
 * string or a collection of strings. Keys share one namespace: start them with what the
 * method reads ({@code "'note:' + #id"}).
 *
 * <p>
 * The method must not return {@code null} (return an {@code Optional} instead). A
 * background refresh runs the method on the cache's refresh threads, outside the caller's
 * request: it must not depend on request-bound state.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CachedRead {

	/** The cache key, a SpEL expression ({@code "'note:' + #id"}). */
	String key();

	/**
	 * The entry's tags, each a SpEL expression yielding a string or a collection of
	 * strings ({@code "'notes'"}, {@code "'note:' + #id"}).
	 */
	String[] tags() default {};

	/**
	 * The cache-life profile: a built-in one ({@code default}, {@code seconds},
	 * {@code minutes}, {@code hours}, {@code days}, {@code weeks}, {@code max}) or one
	 * declared under {@code tagcache.profiles}.
	 */
	String life() default "default";

}
