package io.ledgerline.paging;

import java.util.List;
import java.util.function.IntFunction;

/**
 * At most {@code limit} rows and whether more exist. The one place that knows the trick:
 * ask the database for one row more than shown, and the extra row's presence answers "is
 * there a next page?" without a COUNT.
 */
public record Slice<T>(List<T> rows, boolean more) {

	public Slice {
		rows = List.copyOf(rows);
	}

	/**
	 * @param query runs the query with the row limit it is given
	 * @param limit how many rows the caller shows
	 */
	public static <T> Slice<T> fetch(int limit, IntFunction<List<T>> query) {
		List<T> fetched = query.apply(limit + 1);
		return fetched.size() > limit ? new Slice<>(fetched.subList(0, limit), true) : new Slice<>(fetched, false);
	}

	/** The last row shown (where the next page starts below); null when empty. */
	public T last() {
		return rows.isEmpty() ? null : rows.get(rows.size() - 1);
	}

}
