package io.ledgerline.web;

/**
 * What the page layout ({@code fragments/layout}) shows around a page's content: the
 * header of the signed-in user, the navigation, the toasts. Every field is text the
 * layout prints as it is (escaped) except {@link #orgOptions} and {@link #toast}, which
 * are HTML. A prerendered page gets a frame of {@link Hole} markers for everything that
 * belongs to one request; a page rendered per request gets the real values.
 *
 * @param signedIn whether to show the header at all
 * @param email the signed-in user's email
 * @param role the role in the active org ({@code member}, {@code admin})
 * @param orgOptions the organisation switcher's options, as HTML
 * @param section the top-level section of the page, for the navigation's current link
 * @param demo whether the demo tools (inspector, cache panel) are shown
 * @param now the server's clock, for "fetched 3 s ago"
 * @param toast the toast as HTML, or null where the layout renders the model's toast
 */
public record PageFrame(boolean signedIn, String email, String role, String orgOptions, String section, boolean demo,
		String now, String toast) {

	/** The frame of a page nobody is signed in to (the sign-in page, some errors). */
	public static PageFrame anonymous(String section, boolean demo, String now) {
		return new PageFrame(false, null, null, null, section, demo, now, null);
	}

}
