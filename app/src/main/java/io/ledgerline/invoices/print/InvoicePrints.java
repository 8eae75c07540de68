package io.ledgerline.invoices.print;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;

import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceDetail;
import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.tagcache.CacheLife;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.page.PrerenderedPages;

/**
 * The printable page and the PDF of one invoice, each cached under the invoice's record
 * tag beside the record read it shows: an edit (which updates that tag) makes the next
 * one show the edit, and an entry rendered from an older load of the record is rendered
 * again rather than served, as prerendered pages are ({@link PrerenderedPages}).
 */
@Component
class InvoicePrints {

	static final String PRINT_TEMPLATE = "invoices/print";

	private static final String SECTION = "invoices";

	/** As the record's: the tag ends it at the next write anyway. */
	private static final CacheLife LIFE = CacheLife.HOURS;

	private final PrerenderedPages pages;

	private final TagCache cache;

	InvoicePrints(PrerenderedPages pages, TagCache cache) {
		this.pages = pages;
		this.cache = cache;
	}

	View page(ActingUser me, Cached<InvoiceDetail> detail) {
		Invoice invoice = detail.value().invoice();
		String orgName = me.active().orgName();
		PrerenderedPages.Page shared = new PrerenderedPages.Page(PRINT_TEMPLATE, SECTION, me.role().dbValue(),
				key(me, invoice), List.of(InvoiceTags.record(me.orgId(), invoice.id())), List.of(detail));
		return this.pages.page(shared,
				() -> Map.of("orgName", orgName, "invoice", invoice, "lines", detail.value().lines()));
	}

	byte[] pdf(ActingUser me, Cached<InvoiceDetail> detail) {
		Invoice invoice = detail.value().invoice();
		String orgName = me.active().orgName();
		long load = detail.load();
		InvoicePdf pdf = this.cache
			.get(InvoiceTags.pdfKey(key(me, invoice)), List.of(InvoiceTags.record(me.orgId(), invoice.id())), LIFE,
					() -> new InvoicePdf(InvoicePdfRenderer.render(orgName, detail.value()), load),
					cached -> cached.renderedFrom(load))
			.value();
		// A request that joined another request's render of another load renders its own.
		return pdf.renderedFrom(load) ? pdf.bytes() : InvoicePdfRenderer.render(orgName, detail.value());
	}

	/** What changes what either shows besides the record: the org's name. */
	private static String key(ActingUser me, Invoice invoice) {
		return me.orgId() + ":" + invoice.id() + ":" + me.active().orgName();
	}

}
