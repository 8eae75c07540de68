package io.ledgerline.invoices;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.FragmentTemplates;

/**
 * The expensive HTML of the invoice pages, cached as rendered fragments beside the data
 * they show (what Next.js does with {@code 'use cache'} on a component).
 *
 * <p>
 * A fragment is a function of one load of its data, and is cached as exactly that:
 * <ul>
 * <li>its key names the org, the role, the view and the cursor (everything that changes
 * the HTML) and the moment the data was loaded, and never anyone's identity, token or
 * toast: the page fills those in around it;
 * <li>its tags are exactly the tags of its data, so an {@code updateTag} that reloads the
 * data on the redirect also re-renders the fragment, and a {@code revalidateTag} makes
 * both stale together;
 * <li>it is rendered from the data value the request already read (authorized, through
 * the data cache), never from a second read, so the HTML always shows the data whose
 * {@code fetchedAt} the page prints: a stale list is stale in both, a fresh one fresh in
 * both. Two loads within one clock tick would share a key; the identity check below then
 * renders the request's own data instead of serving the other load's HTML.
 * </ul>
 * Entries for earlier loads are never read again; they go with the next invalidation of
 * their tag, their life or the cache's size bound.
 */
@Component
class InvoiceFragments {

	static final String LIST_TEMPLATE = "invoices/list-rows";

	static final String RECORD_TEMPLATE = "invoices/record";

	/** As the data's: the fragment never outlives the data it shows by much. */
	private static final CacheLife LIFE = CacheLife.HOURS;

	private final TagCache cache;

	private final FragmentTemplates templates;

	InvoiceFragments(TagCache cache, FragmentTemplates templates) {
		this.cache = cache;
		this.templates = templates;
	}

	/**
	 * The view tabs, the rows with their buttons and the pager of one list page, as
	 * {@code me}'s role sees it. The buttons submit the page's one CSRF-carrying form.
	 */
	String list(ActingUser me, InvoiceView view, String cursor, Cached<InvoicePage> page) {
		String orgId = me.orgId();
		String key = "html:invoices:list:" + orgId + ":" + me.role().dbValue() + ":" + view.value() + ":"
				+ PageCursor.decode(cursor) + ":" + loadedAt(page);
		return html(key, List.of(InvoiceTags.list(orgId)), page, () -> templates.render(LIST_TEMPLATE,
				Map.of("page", page.value(), "view", view.value(), "admin", me.isAdmin())));
	}

	/** The heading, facts and line items of one invoice. */
	String record(ActingUser me, Cached<InvoiceDetail> detail) {
		String orgId = me.orgId();
		Invoice invoice = detail.value().invoice();
		String key = "html:invoices:record:" + orgId + ":" + invoice.id() + ":" + me.role().dbValue() + ":"
				+ loadedAt(detail);
		return html(key, List.of(InvoiceTags.record(orgId, invoice.id())), detail,
				() -> templates.render(RECORD_TEMPLATE, Map.of("invoice", invoice, "lines", detail.value().lines())));
	}

	private String html(String key, List<String> tags, Cached<?> data, Supplier<String> render) {
		Fragment fragment = cache.get(key, tags, LIFE, () -> new Fragment(data.value(), render.get())).value();
		return fragment.source() == data.value() ? fragment.html() : render.get();
	}

	private static String loadedAt(Cached<?> data) {
		return data.fetchedAt().getEpochSecond() + "." + data.fetchedAt().getNano();
	}

	/** Rendered HTML and the data value it was rendered from. */
	private record Fragment(Object source, String html) {
	}

}
