package io.ledgerline.tickets;

import org.springframework.stereotype.Component;

import io.ledgerline.tagcache.TagCache;

/**
 * What a ticket mutation invalidates. The board is cached as a rendered page, so its
 * route is the handle: {@code revalidatePath} expires every variant of it (each org, each
 * role) in one call. That also re-renders other orgs' boards, which is the coarseness a
 * page-level net accepts; each board is one cheap query. Called inside the mutation's
 * transaction, so the cache's commit binding runs it after the commit and drops it on
 * rollback.
 */
@Component
class TicketInvalidation {

	static final String PAGE_PATH = "/tickets";

	private final TagCache cache;

	TicketInvalidation(TagCache cache) {
		this.cache = cache;
	}

	void afterChange() {
		cache.revalidatePath(PAGE_PATH);
	}

}
