package io.ledgerline.tagcache;

/**
 * Who is running the current code, as far as cache invalidation is concerned.
 *
 * <p>
 * The source decides which primitives are allowed: {@link TagCache#updateTag(String)}
 * only inside an {@link #ACTION}, because only there is a user waiting to read their own
 * write. See {@link TagCache#openScope(InvocationSource)}.
 */
public enum InvocationSource {

	/** A user-initiated mutation request (a form post, an htmx mutation). */
	ACTION("action"),
	/** A background job, webhook or import: nobody is waiting for the result. */
	JOB("job"),
	/** Anything else, in particular rendering a page or answering a read. The default. */
	ROUTE("route");

	private final String label;

	InvocationSource(String label) {
		this.label = label;
	}

	/**
	 * The lower-case name used in logs and metrics: {@code "action"}, {@code "job"},
	 * {@code "route"}.
	 */
	public String label() {
		return label;
	}

}
