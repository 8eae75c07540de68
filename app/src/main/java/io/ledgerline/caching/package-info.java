/**
 * What of the cache is Ledgerline's: its settings ({@code ledgerline.cache.*}), tag
 * naming per org, the fetched-at strip, the memory health and the demo's persisted
 * invalidation log. The cache bean, the commit binding, the action scope, the meters and
 * (with Redis) the refresh coordinator come from the tagcache starter (docs/TAGCACHE.md).
 */
package io.ledgerline.caching;
