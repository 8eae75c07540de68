package io.ledgerline.tagcache;

/**
 * A point-in-time snapshot of a {@link TagCache}'s counters, all monotonic since it was
 * built.
 *
 * @param hits reads served a fresh value
 * @param misses reads that found no usable value and waited for a load (their own or a
 * concurrent one for the same key)
 * @param staleServes reads served a stale value (by age or by {@code revalidateTag})
 * @param refreshes background refreshes started
 * @param refreshFailures background refreshes whose loader threw, returned {@code null}
 * or could not be scheduled
 * @param evictions entries removed to keep the size bound
 * @param updateTags tags expired by {@code updateTag}/{@code updateTags} (one per tag)
 * @param revalidateTags {@code revalidateTag} invalidations
 * @param revalidatePaths {@code revalidatePath} invalidations
 */
public record CacheStats(long hits, long misses, long staleServes, long refreshes, long refreshFailures, long evictions,
		long updateTags, long revalidateTags, long revalidatePaths) {

	/** Reads of any kind: {@code hits + misses + staleServes}. */
	public long requests() {
		return hits + misses + staleServes;
	}
}
