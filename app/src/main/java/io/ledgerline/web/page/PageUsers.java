package io.ledgerline.web.page;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a page's frame needs to know of the signed-in user, and nothing more: the tenancy
 * feature implements it, so this package depends on none of tenancy's types.
 */
public interface PageUsers {

	/**
	 * The signed-in user of this request as the header shows them, or empty when nobody
	 * is signed in or the user cannot be resolved (the page still renders, without the
	 * header).
	 */
	Optional<PageUser> current(HttpServletRequest request);

	/** Whether pages show the demo tools (the inspector's link, the cache strip). */
	boolean demoTools();

	/**
	 * @param email shown in the header
	 * @param role the role in the active org ({@code member}, {@code admin})
	 * @param orgs every org of the user, for the switcher
	 */
	record PageUser(String email, String role, List<Org> orgs) {

		public PageUser {
			orgs = List.copyOf(orgs);
		}

	}

	/** One org in the switcher; {@code active} is the one the user acts in. */
	record Org(String id, String name, boolean active) {
	}

}
