package io.ledgerline.tagcache;

/** How far {@link TagCache#revalidatePath(String, PathScope)} reaches. */
public enum PathScope {

	/** Exactly the cached pages of the given path. */
	PAGE,
	/**
	 * The given path and every path below it: {@code /a} reaches {@code /a} and
	 * {@code /a/b}, not {@code /ab}.
	 */
	LAYOUT

}
