/**
 * What a Spring application meets of tagcache:
 * {@link io.ledgerline.tagcache.spring.CachedRead} on reads,
 * {@link io.ledgerline.tagcache.spring.UpdatesTags} and
 * {@link io.ledgerline.tagcache.spring.RevalidatesTags} on writes, and
 * {@link io.ledgerline.tagcache.spring.TagCacheBuilderCustomizer} beans. The wiring lives
 * in {@code io.ledgerline.tagcache.spring.boot.autoconfigure}.
 */
package io.ledgerline.tagcache.spring;
