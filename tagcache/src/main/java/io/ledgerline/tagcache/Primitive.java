package io.ledgerline.tagcache;

/** The three invalidation primitives, as they appear in {@link InvalidationEvent}s. */
public enum Primitive {

	/** {@link TagCache#updateTag(String)}: expire now, read-your-writes. */
	UPDATE_TAG("updateTag"),
	/** {@link TagCache#revalidateTag(String, CacheLife)}: stale-while-revalidate. */
	REVALIDATE_TAG("revalidateTag"),
	/**
	 * {@link TagCache#revalidatePath(String, PathScope)}: expire cached pages by route.
	 */
	REVALIDATE_PATH("revalidatePath");

	private final String label;

	Primitive(String label) {
		this.label = label;
	}

	/**
	 * The name as users call it: {@code "updateTag"}, {@code "revalidateTag"},
	 * {@code "revalidatePath"}.
	 */
	public String label() {
		return label;
	}

}
