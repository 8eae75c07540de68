/**
 * The Spring Boot auto-configuration of tagcache: the only Spring-dependent code of the
 * library. {@link io.ledgerline.tagcache.spring.boot.autoconfigure.TagCacheProperties}
 * lists the settings.
 */
package io.ledgerline.tagcache.spring.boot.autoconfigure;
