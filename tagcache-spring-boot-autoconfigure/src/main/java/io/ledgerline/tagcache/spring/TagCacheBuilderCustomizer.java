package io.ledgerline.tagcache.spring;

import io.ledgerline.tagcache.TagCacheBuilder;

/**
 * Adjusts the auto-configured {@link io.ledgerline.tagcache.TagCache} before it is built,
 * after the {@code tagcache.*} properties were applied: a bus, a recorder, an age limit,
 * a weigher. Every bean of this type is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface TagCacheBuilderCustomizer {

	void customize(TagCacheBuilder builder);

}
