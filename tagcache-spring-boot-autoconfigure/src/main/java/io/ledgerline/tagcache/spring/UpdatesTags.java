package io.ledgerline.tagcache.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write a user is waiting to see: once the method has returned, {@code updateTag} runs
 * for each tag (read-your-writes: the next read loads fresh). Bound to the commit through
 * the cache's {@link io.ledgerline.tagcache.CommitBinding}: inside a transaction the tags
 * are expired right after it commits and not at all if it rolls back; a method that
 * throws expires nothing.
 *
 * <p>
 * Only inside an action (a user's mutation request: the starter's filter opens one for
 * {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE}). Anywhere else the call is
 * refused with an {@link IllegalStateException} <em>before</em> the method runs, so no
 * write happens whose invalidation would then fail; background work uses
 * {@link RevalidatesTags}.
 *
 * <p>
 * Each tag is a SpEL expression over the arguments (see {@link CachedRead}), evaluated
 * before the method runs.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UpdatesTags {

	/**
	 * The tags to expire, each a SpEL expression yielding a string or a collection of
	 * strings.
	 */
	String[] value();

}
