package io.ledgerline.caching;

import io.ledgerline.tagcache.TagCacheBuilder;

/**
 * Adjusts the app's {@link io.ledgerline.tagcache.TagCache} before it is built: how a
 * deployment (for example several instances behind a load balancer) plugs in its bus,
 * recorder and age limit without the cache configuration knowing about it.
 */
@FunctionalInterface
public interface TagCacheCustomizer {

	void customize(TagCacheBuilder builder);

}
