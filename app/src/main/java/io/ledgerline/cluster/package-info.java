/**
 * Several instances behind a load balancer (profile {@code cluster}): the Redis
 * invalidation bus, the invalidation journal it catches up from, causal tokens for
 * read-your-writes on any instance (sessions too: io.ledgerline.sessions), the instance
 * header and the bus's health. Nothing here is active on a single instance.
 */
package io.ledgerline.cluster;
