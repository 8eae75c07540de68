package io.ledgerline.tagcache;

/**
 * A cached value that knows roughly how many bytes it holds, for a cache bounded by
 * {@link TagCacheBuilder#maximumWeight weight}. An estimate is enough: the bound is a
 * budget, and what matters is that a value's weight grows with what it really holds. The
 * cache does not look for this interface itself: a weigher passed to
 * {@code maximumWeight} may (for example
 * {@code v -> v instanceof Weighable w ? w.estimatedBytes() : 1024}).
 */
public interface Weighable {

	/** The value's approximate retained size in bytes. */
	int estimatedBytes();

}
