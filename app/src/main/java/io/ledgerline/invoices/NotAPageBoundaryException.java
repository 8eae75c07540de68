package io.ledgerline.invoices;

/**
 * A list cursor that does not start a page of its view as the view is now. Answered with
 * a redirect to the page that holds the rows after it, so a stale link still leads
 * somewhere sensible and only real pages are ever cached.
 */
public class NotAPageBoundaryException extends RuntimeException {

	private final InvoiceView view;

	private final InvoiceSearch search;

	private final String nearestCursor;

	NotAPageBoundaryException(InvoiceView view, InvoiceSearch search, String nearestCursor) {
		super("The cursor does not start a page of the " + view.value() + " view.", null, false, false);
		this.view = view;
		this.search = search;
		this.nearestCursor = nearestCursor;
	}

	public InvoiceView view() {
		return this.view;
	}

	public InvoiceSearch search() {
		return this.search;
	}

	/** The cursor of the page that lists the rows after the refused one now. */
	public String nearestCursor() {
		return this.nearestCursor;
	}

}
