package io.ledgerline.invoices.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;

import tools.jackson.databind.json.JsonMapper;

import io.ledgerline.caching.CacheProperties;
import io.ledgerline.summary.OrgSummary;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ApiResponse;
import io.ledgerline.web.NotFoundException;
import io.ledgerline.invoices.Invoice;
import io.ledgerline.invoices.InvoiceDetail;
import io.ledgerline.invoices.InvoiceLine;
import io.ledgerline.invoices.InvoicePage;
import io.ledgerline.invoices.InvoiceReads;
import io.ledgerline.invoices.InvoiceStatus;
import io.ledgerline.invoices.InvoiceTags;
import io.ledgerline.invoices.InvoiceView;
import io.ledgerline.invoices.PageCursor;

/**
 * The list and detail pages' own code, run before the instance serves, for an in-memory
 * user of an org that cannot exist (config's warm-up): the controllers' reads (their SQL
 * finds nothing for that org), the prerendered pages through the shared cache, and the
 * JSON of both. An empty list leaves the templates' per-row code cold, so a page of a few
 * invoices and one of them with its lines are rendered too: made in memory, stored only
 * under that org's keys (which the warm-up discards afterwards), never written anywhere.
 */
@Component
public class InvoicePagesWarmUp {

	private final InvoiceReads reads;

	private final InvoicePages pages;

	private final TagCache cache;

	private final CacheProperties.Life life;

	private final JsonMapper json;

	private final Clock clock;

	InvoicePagesWarmUp(InvoiceReads reads, InvoicePages pages, TagCache cache, CacheProperties properties,
			JsonMapper json, Clock clock) {
		this.reads = reads;
		this.pages = pages;
		this.cache = cache;
		this.life = properties.life();
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The pages {@code me} would be answered with, rendered and cached: the empty list as
	 * the controller reads it, then a list with rows and a detail page. The caller
	 * answers them (their holes are filled per request).
	 */
	public List<View> warm(ActingUser me) {
		String orgId = me.orgId();
		List<View> views = new ArrayList<>();
		Cached<InvoicePage> empty = this.reads.list(me, InvoiceView.ACTIVE, null);
		Cached<OrgSummary> summary = this.reads.summary(orgId);
		views.add(this.pages.list(me, InvoiceView.ACTIVE, null, empty, summary));
		try {
			this.reads.record(me, 1);
			throw new IllegalStateException("The warm-up's org " + orgId + " has an invoice; it must not.");
		}
		catch (NotFoundException expected) {
			// The detail's query ran, scoped to an org without rows.
		}

		// The rows, in memory: every status and lifecycle, so each branch of the row
		// fragment compiles. An admin also sees deleted rows (the "all" view).
		InvoiceView view = me.isAdmin() ? InvoiceView.ALL : InvoiceView.ARCHIVED;
		List<Invoice> rows = rows(orgId);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		Cached<InvoicePage> page = this.cache.get(InvoiceTags.listKey(orgId, view, PageCursor.FIRST_PAGE, today),
				List.of(InvoiceTags.list(orgId)), this.life.invoiceList(),
				() -> new InvoicePage(rows, PageCursor.encode(rows.get(rows.size() - 1).id()), today));
		views.add(this.pages.list(me, view, null, page, summary));
		Invoice shown = rows.get(0);
		Cached<InvoiceDetail> detail = this.cache.get(InvoiceTags.recordKey(orgId, shown.id(), today),
				List.of(InvoiceTags.record(orgId, shown.id())), this.life.invoiceRecord(),
				() -> new InvoiceDetail(shown, lines(), today));
		views.add(this.pages.detail(me, detail, page, summary));

		this.json.writeValueAsBytes(ApiResponse.ok(page.value()));
		this.json.writeValueAsBytes(ApiResponse.ok(detail.value()));
		return views;
	}

	private List<Invoice> rows(String orgId) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<Invoice> rows = new ArrayList<>();
		InvoiceStatus[] statuses = InvoiceStatus.values();
		for (int i = 0; i < 6; i++) {
			long id = 6 - i;
			Instant archived = i % 3 == 1 ? now : null;
			Instant deleted = i % 3 == 2 ? now : null;
			rows.add(new Invoice(id, orgId, "INV-WARM-" + id, "Customer " + id, statuses[i % statuses.length],
					new BigDecimal("1234.50").multiply(BigDecimal.valueOf(id)), today.minusDays(i + 40),
					today.minusDays(i + 10), 1, now, now, archived, deleted));
		}
		return rows;
	}

	private static List<InvoiceLine> lines() {
		return List.of(
				new InvoiceLine(1, "Consulting", new BigDecimal("2"), new BigDecimal("500.00"),
						new BigDecimal("1000.00")),
				new InvoiceLine(2, "Licence", new BigDecimal("1"), new BigDecimal("234.50"), new BigDecimal("234.50")));
	}

}
