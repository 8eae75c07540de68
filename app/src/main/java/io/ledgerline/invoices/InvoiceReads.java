package io.ledgerline.invoices;

import org.springframework.stereotype.Service;

import io.ledgerline.caching.InvoiceTags;
import io.ledgerline.summary.OrgSummary;
import io.ledgerline.summary.SummaryRepository;
import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.ActingUser;

import java.util.List;

/**
 * The three cached reads every invoice page is built from. Authorization happens before
 * the cache (an entry holds org data, never a decision about who may see it); keys and
 * tags are always scoped by org.
 */
@Service
public class InvoiceReads {

	/**
	 * Mutations invalidate exactly, so entries may live long; the hour bounds any miss.
	 */
	private static final CacheLife LIFE = CacheLife.HOURS;

	private final TagCache cache;

	private final InvoiceService invoices;

	private final SummaryRepository summaries;

	InvoiceReads(TagCache cache, InvoiceService invoices, SummaryRepository summaries) {
		this.cache = cache;
		this.invoices = invoices;
		this.summaries = summaries;
	}

	public Cached<InvoicePage> list(ActingUser actor, InvoiceView view, String cursor) {
		invoices.authorizeView(actor, view);
		long before = PageCursor.decode(cursor);
		String key = "invoices:list:" + actor.orgId() + ":" + view.value() + ":" + before;
		return cache.get(key, List.of(InvoiceTags.list(actor.orgId())), LIFE,
				() -> invoices.page(actor.orgId(), view, before));
	}

	/**
	 * The record with its lines; visibility (deleted rows for admins only) is checked on
	 * every read.
	 */
	public Cached<InvoiceDetail> record(ActingUser actor, long id) {
		String key = "invoices:record:" + actor.orgId() + ":" + id;
		Cached<InvoiceDetail> detail = cache.get(key, List.of(InvoiceTags.record(actor.orgId(), id)), LIFE,
				() -> invoices.detailOf(actor.orgId(), id));
		invoices.checkVisible(actor, detail.value().invoice());
		return detail;
	}

	public Cached<OrgSummary> summary(String orgId) {
		return cache.get("summary:" + orgId, List.of(InvoiceTags.summary(orgId)), LIFE, () -> summaries.find(orgId));
	}

}
