package io.ledgerline.invoices;

import java.util.List;

import io.ledgerline.tagcache.Cached;
import io.ledgerline.tenancy.ActingUser;

/**
 * A part of the invoice detail page that another feature owns (the comment thread): one
 * cached read its template fragment shows. Features build on invoices through this, so
 * invoices never depends on them. Called after the invoice was found and its visibility
 * checked for the acting user.
 *
 * <p>
 * The detail page is prerendered and cached with every read it shows, so the read must
 * hold the same value object for as long as it is not reloaded (a cache hit), must not
 * depend on the acting user beyond the org and role, and leaves what belongs to one
 * request to holes ({@link io.ledgerline.web.page.PrerenderedPages}).
 */
public interface DetailPageSection {

	Shown show(ActingUser actor, Invoice invoice);

	/**
	 * @param name the template variable the read's value is shown as
	 * @param read the read
	 * @param tags the read's tags
	 */
	record Shown(String name, Cached<?> read, List<String> tags) {
	}

}
