package io.ledgerline.tagcache.jdbc;

/**
 * Told the highest journal position an append wrote, on the writer's thread and inside
 * its transaction (before the commit): the place to arrange something for after the
 * commit, such as giving the user a causal token so the next instance that serves them
 * reads the journal at least that far ({@link JournalFollower#catchUpTo}).
 */
@FunctionalInterface
public interface PositionListener {

	void written(long position);

}
