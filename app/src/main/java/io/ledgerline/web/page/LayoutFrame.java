package io.ledgerline.web.page;

/**
 * What the page layout ({@code fragments/layout}) shows around a page's content: the
 * header of the signed-in user, the navigation, the toast. The layout always gets one as
 * the variable {@code frame} ({@link PrerenderedPages} for a shared page,
 * {@link FramedViews} for every other page, error pages included). It holds what a shared
 * page is keyed by (the role, the section, whether anyone is signed in and the demo
 * tools) and a {@link Hole} marker for everything that belongs to one request, which
 * {@link RequestValues} fills when the page is answered.
 *
 * @param signedIn whether to show the header at all
 * @param role the role in the active org ({@code member}, {@code admin}), or null
 * @param section the top-level section of the page, for the navigation's current link
 * @param demo whether the demo tools (inspector, cache panel) are shown
 * @param email the signed-in user's email (a hole)
 * @param orgOptions the organisation switcher's options, as HTML (a hole)
 * @param now the server's clock, for "fetched 3 s ago" (a hole)
 * @param toast the toast as HTML (a hole)
 */
public record LayoutFrame(boolean signedIn, String role, String section, boolean demo, String email, String orgOptions,
		String now, String toast) {

	/**
	 * The frame of a page for {@code role} (null: nobody signed in) in {@code section}.
	 */
	static LayoutFrame of(String role, String section, boolean demo) {
		return new LayoutFrame(role != null, role, section, demo, Hole.USER_EMAIL.marker(), Hole.ORG_OPTIONS.marker(),
				Hole.SERVER_NOW.marker(), Hole.TOAST.marker());
	}

}
