package io.ledgerline.invoices;

/**
 * A list cursor that does not start a page of its view as the view is now. Answered with
 * a redirect to the page that holds the rows after it, so a stale link still leads
 * somewhere sensible and only real pages are ever cached.
 */
class NotAPageBoundaryException extends RuntimeException {

	private final InvoiceView view;

	private final InvoiceSearch search;

	private final String nearestCursor;

	NotAPageBoundaryException(InvoiceView view, InvoiceSearch search, String nearestCursor) {
		super("The cursor does not start a page of the " + view.value() + " view.", null, false, false);
		this.view = view;
		this.search = search;
		this.nearestCursor = nearestCursor;
	}

	/** Where the rows after the cursor are listed now. */
	String nearestPage() {
		return ListLinks.to(this.view.value(), this.search.linkText(), this.nearestCursor);
	}

}
