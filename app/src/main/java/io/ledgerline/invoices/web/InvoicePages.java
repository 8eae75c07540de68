package io.ledgerline.invoices.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;

import io.ledgerline.caching.FetchedAt;
import io.ledgerline.summary.OrgSummary;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.page.PrerenderedPages;
import io.ledgerline.web.page.TimeHole;
import io.ledgerline.invoices.DetailPageSection;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceDetail;
import io.ledgerline.invoices.InvoicePage;
import io.ledgerline.invoices.InvoiceReads;
import io.ledgerline.invoices.InvoiceSearch;
import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.invoices.InvoiceView;
import io.ledgerline.invoices.OverdueSummary;
import io.ledgerline.invoices.PageCursor;

/**
 * The list and detail pages, prerendered and cached beside the reads they show
 * ({@link PrerenderedPages}): one rendering per org, role and page shared by everyone who
 * may see it, with the user, the token and the toast filled in per request.
 */
@Component
class InvoicePages {

	static final String LIST_TEMPLATE = "invoices/list";

	static final String DETAIL_TEMPLATE = "invoices/detail";

	private static final String SECTION = "invoices";

	/** The rows' links are relative to it: {@code 42/archive}, not the whole path. */
	private static final String LIST_BASE = "/invoices/";

	private final PrerenderedPages pages;

	private final List<DetailPageSection> sections;

	private final InvoiceReads reads;

	/** The detail page's strip: times of reads it shows but is not built from. */
	private static final String LIST_FETCHED_AT = "list";

	private static final String SUMMARY_FETCHED_AT = "summary";

	InvoicePages(PrerenderedPages pages, List<DetailPageSection> sections, InvoiceReads reads) {
		this.pages = pages;
		this.sections = sections;
		this.reads = reads;
	}

	/**
	 * One page of one view of the list, with the org's summary (and today's overdue
	 * figures) above it.
	 */
	View list(ActingUser me, InvoiceView view, String cursor, Cached<InvoicePage> page, Cached<OrgSummary> summary) {
		return list(me, view, InvoiceSearch.NONE, cursor, page, summary);
	}

	/** One page of one view of the list or of a search within it. */
	View list(ActingUser me, InvoiceView view, InvoiceSearch search, String cursor, Cached<InvoicePage> page,
			Cached<OrgSummary> summary) {
		String orgId = me.orgId();
		Cached<OverdueSummary> overdue = this.reads.overdue(orgId);
		String orgName = me.active().orgName();
		// The search as typed is on the page (the box, the links), so it is part of the
		// key.
		String key = orgId + ":" + orgName + ":" + view.value() + ":" + PageCursor.decode(cursor)
				+ (search.isNone() ? "" : ":q:" + search.text());
		PrerenderedPages.Page shared = new PrerenderedPages.Page(LIST_TEMPLATE, SECTION, me.role().dbValue(), key,
				List.of(InvoiceTags.list(orgId), InvoiceTags.summary(orgId)), List.of(page, summary, overdue));
		return this.pages.page(shared, () -> {
			Map<String, Object> variables = new HashMap<>();
			variables.put("base", LIST_BASE);
			variables.put("orgName", orgName);
			variables.put("orgId", orgId);
			variables.put("admin", me.isAdmin());
			variables.put("view", view.value());
			variables.put("page", page.value());
			variables.put("q", search.linkText());
			variables.put("links", new ListLinks(view.value(), search.linkText(), page.value()));
			variables.put("position", ListPosition.of(page.value(), view, search, summary.value()));
			variables.put("summary", summary.value());
			variables.put("overdue", overdue.value());
			variables.put("today", page.value().asOf());
			variables.put("fetched", FetchedAt.of(page.fetchedAt(), null, summary.fetchedAt()));
			return variables;
		});
	}

	/**
	 * One invoice with the sections other features add (the comment thread). The page is
	 * built from, tagged with and keyed by that invoice alone, so a write to another
	 * invoice leaves it as it is; the fetched-at strip's list and summary times are given
	 * time holes, filled per request from the reads the caller passes.
	 */
	View detail(ActingUser me, Cached<InvoiceDetail> detail, Cached<InvoicePage> list, Cached<OrgSummary> summary) {
		String orgId = me.orgId();
		Invoice invoice = detail.value().invoice();
		List<String> tags = new ArrayList<>(List.of(InvoiceTags.record(orgId, invoice.id())));
		List<Cached<?>> shown = new ArrayList<>(List.of(detail));
		Map<String, Object> sectionVariables = new HashMap<>();
		for (DetailPageSection section : this.sections) {
			DetailPageSection.Shown part = section.show(me, invoice);
			tags.addAll(part.tags());
			shown.add(part.read());
			sectionVariables.put(part.name(), part.read().value());
		}
		PrerenderedPages.Page shared = new PrerenderedPages.Page(DETAIL_TEMPLATE, SECTION, me.role().dbValue(),
				orgId + ":" + invoice.id(), tags, shown)
			.withGivenTime(LIST_FETCHED_AT, list.fetchedAt())
			.withGivenTime(SUMMARY_FETCHED_AT, summary.fetchedAt());
		return this.pages.page(shared, () -> {
			Map<String, Object> variables = new HashMap<>(sectionVariables);
			variables.put("invoice", invoice);
			variables.put("lines", detail.value().lines());
			variables.put("overdue", detail.value().isOverdue());
			variables.put("fetched", new FetchedAt(TimeHole.given(LIST_FETCHED_AT), TimeHole.at(detail.fetchedAt()),
					TimeHole.given(SUMMARY_FETCHED_AT)));
			return variables;
		});
	}

}
