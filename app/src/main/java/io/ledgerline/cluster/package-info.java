/**
 * Several instances behind a load balancer (profile {@code cluster}): what is
 * Ledgerline's on top of the tagcache starter's journal and follower
 * ({@code tagcache-jdbc}, wired from {@code ledgerline.cluster.*} through
 * {@code tagcache.jdbc.*} and {@code tagcache.redis.*} in
 * {@code application-cluster.yml}): causal tokens for read-your-writes on any instance
 * (sessions too: io.ledgerline.sessions), the journal's pruning on the job runner, shared
 * refreshes, the instance header, the cluster's meters and the bus's health. Nothing here
 * is active on a single instance.
 */
package io.ledgerline.cluster;
