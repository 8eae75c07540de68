package io.ledgerline.invoices;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Service;

import io.ledgerline.audit.AuditEntry;
import io.ledgerline.audit.AuditLog;
import io.ledgerline.caching.CacheProperties;
import io.ledgerline.paging.Slice;
import io.ledgerline.summary.OrgSummary;
import io.ledgerline.summary.SummaryRepository;
import io.ledgerline.tagcache.Cached;
import io.ledgerline.tagcache.TagCache;
import io.ledgerline.tenancy.ActingUser;

/**
 * Every invoice read, in one direction: authorize, then the cache, then the repository.
 * The three cached reads every invoice page is built from, and the uncached ones the
 * write forms need. Authorization happens before the cache (an entry holds org data,
 * never a decision about who may see it); keys and tags are always scoped by org. Reads
 * never call the write service.
 */
@Service
public class InvoiceReads {

	public static final int PAGE_SIZE = 25;

	private final TagCache cache;

	private final InvoiceRepository invoices;

	private final SummaryRepository summaries;

	/** Writes invalidate exactly, so entries may live long (ledgerline.cache.life.*). */
	private final CacheProperties.Life life;

	private final AuditLog audit;

	private final BusinessDay day;

	InvoiceReads(TagCache cache, InvoiceRepository invoices, SummaryRepository summaries, AuditLog audit,
			CacheProperties properties, BusinessDay day) {
		this.cache = cache;
		this.invoices = invoices;
		this.summaries = summaries;
		this.audit = audit;
		this.life = properties.life();
		this.day = day;
	}

	/**
	 * One page of a view: {@link #list(ActingUser, InvoiceView, InvoiceSearch, String)}.
	 */
	public Cached<InvoicePage> list(ActingUser actor, InvoiceView view, String cursor) {
		return list(actor, view, InvoiceSearch.NONE, cursor);
	}

	/**
	 * One page of a view, or of a search within it. Only real pages are cached: a cursor
	 * that does not start a page of the view (and search) as it is now (made up, another
	 * org's, past the end, or one whose boundary moved with later writes) creates no
	 * entry, whatever anyone sends; it is refused with the cursor of the page that now
	 * holds the rows after it ({@link NotAPageBoundaryException}). Checked when the page
	 * is loaded, not on every read: an entry exists only for a cursor that was a boundary
	 * when it was loaded, and every write that moves boundaries (or changes what a search
	 * matches) updates the list's tag, which every page and search carries.
	 */
	public Cached<InvoicePage> list(ActingUser actor, InvoiceView view, InvoiceSearch search, String cursor) {
		InvoiceAccess.authorizeView(actor, view);
		long before = PageCursor.decode(cursor);
		String orgId = actor.orgId();
		LocalDate today = day.today();
		return cache.get(InvoiceTags.listKey(orgId, view, search, before, today), List.of(InvoiceTags.list(orgId)),
				life.invoiceList(), () -> realPage(orgId, view, today, search, before));
	}

	private InvoicePage realPage(String orgId, InvoiceView view, LocalDate today, InvoiceSearch search, long before) {
		if (before == PageCursor.FIRST_PAGE) {
			return page(orgId, view, today, search, before, 0);
		}
		OptionalLong above = invoices.rowsAboveBoundary(orgId, view, today, search, before, PAGE_SIZE);
		if (above.isEmpty()) {
			throw notABoundary(orgId, view, today, search, before);
		}
		InvoicePage page = page(orgId, view, today, search, before, above.getAsLong());
		if (page.rows().isEmpty()) {
			throw notABoundary(orgId, view, today, search, before);
		}
		return page;
	}

	private NotAPageBoundaryException notABoundary(String orgId, InvoiceView view, LocalDate today,
			InvoiceSearch search, long before) {
		return new NotAPageBoundaryException(view, search, nearestPage(orgId, view, today, search, before));
	}

	/**
	 * The cursor of the page that holds the first row below {@code before}, or of the
	 * last page when there is none; {@code null} for the first page. Counts only the rows
	 * above {@code before}, never the whole view: a made-up cursor above every row costs
	 * one empty index range, not a count as large as the org.
	 */
	private String nearestPage(String orgId, InvoiceView view, LocalDate today, InvoiceSearch search, long before) {
		long above = invoices.countFrom(orgId, view, today, search, before);
		if (above < PAGE_SIZE) {
			return null;
		}
		boolean rowsBelow = !invoices.page(orgId, view, today, search, before, 1).isEmpty();
		long firstRow = rowsBelow ? above : above - 1;
		long pageIndex = firstRow / PAGE_SIZE;
		if (pageIndex == 0) {
			return null;
		}
		return invoices.idAtRank(orgId, view, today, search, pageIndex * PAGE_SIZE - 1)
			.map(PageCursor::encode)
			.orElse(null);
	}

	/**
	 * The record with its lines. The entry holds the row whatever its lifecycle (it is
	 * shared by the org's admins and members), so visibility is checked on every read.
	 */
	public Cached<InvoiceDetail> record(ActingUser actor, long id) {
		String orgId = actor.orgId();
		LocalDate today = day.today();
		Cached<InvoiceDetail> detail = cache.get(InvoiceTags.recordKey(orgId, id, today),
				List.of(InvoiceTags.record(orgId, id)), life.invoiceRecord(), () -> detailOf(orgId, id, today));
		InvoiceAccess.visible(actor, detail.value().invoice());
		return detail;
	}

	public Cached<OrgSummary> summary(String orgId) {
		return cache.get(InvoiceTags.summaryKey(orgId), List.of(InvoiceTags.summary(orgId)), life.invoiceSummary(),
				() -> summaries.find(orgId));
	}

	/**
	 * The org's overdue count and sum today: counted, not kept, and keyed by the day, so
	 * the first read after midnight counts again. Tagged with the summary, which every
	 * invoice write touches.
	 */
	public Cached<OverdueSummary> overdue(String orgId) {
		LocalDate today = day.today();
		return cache.get(InvoiceTags.overdueKey(orgId, today), List.of(InvoiceTags.summary(orgId)),
				life.invoiceSummary(), () -> invoices.overdue(orgId, today));
	}

	/** The org's payment terms in days (a new invoice's default due date). */
	public int paymentTermsDays(ActingUser actor) {
		return invoices.paymentTermsDays(actor.orgId());
	}

	public LocalDate today() {
		return day.today();
	}

	/**
	 * The invoice as the actor may see it, straight from the database (not the cache):
	 * what an edit form or a button acts on.
	 */
	public Invoice uncached(ActingUser actor, long id) {
		return InvoiceAccess.visible(actor,
				invoices.find(actor.orgId(), id).orElseThrow(() -> InvoiceAccess.notFound(id)));
	}

	/**
	 * {@link #uncached} with its lines, refused (409 with the row) when the invoice takes
	 * no more edits.
	 */
	public InvoiceDetail forEdit(ActingUser actor, long id) {
		return current(actor, InvoiceAccess.editable(uncached(actor, id)));
	}

	/** The invoice with its lines as they are now (the conflict banner's "saved"). */
	public InvoiceDetail current(ActingUser actor, Invoice invoice) {
		return new InvoiceDetail(invoice, invoices.lines(invoice.id()), day.today());
	}

	/** The org's invoice archived last (not deleted since), if any. */
	public Optional<Invoice> mostRecentlyArchived(ActingUser actor) {
		return invoices.mostRecentlyArchived(actor.orgId());
	}

	/**
	 * The rows below {@code beforeId} and where they sit: {@code rowsAbove} rows come
	 * before them; the page before starts {@value #PAGE_SIZE} rows further up (the row
	 * that many steps above {@code beforeId} is its cursor, none means it is the first
	 * page). The total is counted only where that is cheap: the archive (one index range
	 * of its own size); the active view's comes from the summary beside the page, and the
	 * whole org's or a search's would be a count as large as what it counts.
	 */
	private InvoicePage page(String orgId, InvoiceView view, LocalDate today, InvoiceSearch search, long beforeId,
			long rowsAbove) {
		Slice<Invoice> rows = Slice.fetch(PAGE_SIZE,
				limit -> invoices.page(orgId, view, today, search, beforeId, limit));
		String next = rows.more() ? PageCursor.encode(rows.last().id()) : null;
		boolean newer = beforeId != PageCursor.FIRST_PAGE;
		String newerCursor = newer
				? invoices.idAbove(orgId, view, today, search, beforeId, PAGE_SIZE).map(PageCursor::encode).orElse(null)
				: null;
		Long total = view == InvoiceView.ARCHIVED && search.isNone() ? invoices.countArchived(orgId) : null;
		return new InvoicePage(rows.rows(), next, newer, newerCursor, rowsAbove, total, today);
	}

	private InvoiceDetail detailOf(String orgId, long id, LocalDate today) {
		Invoice invoice = invoices.find(orgId, id).orElseThrow(() -> InvoiceAccess.notFound(id));
		return new InvoiceDetail(invoice, invoices.lines(id), today);
	}

	/**
	 * The id of the invoice the actor's org numbers {@code number}, if the actor may see
	 * it (straight from the database).
	 */
	public Optional<Long> idOf(ActingUser actor, String number) {
		return invoices.idOfNumber(actor.orgId(), number)
			.flatMap(id -> invoices.find(actor.orgId(), id))
			.filter(invoice -> InvoiceAccess.canSee(actor, invoice))
			.map(Invoice::id);
	}

	/**
	 * The newest audit row of one invoice of the actor's org: who saved it last, and
	 * when.
	 */
	public Optional<AuditEntry> lastChange(ActingUser actor, long id) {
		List<AuditEntry> entries = audit.forSubject(actor.orgId(), "invoice", Long.toString(id));
		return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
	}

}
