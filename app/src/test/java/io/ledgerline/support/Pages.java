package io.ledgerline.support;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads contract hooks out of rendered HTML. */
public final class Pages {

	private Pages() {
	}

	/** The datetime of a {@code <time data-testid=…>} element, if the page has one. */
	public static Optional<String> time(String html, String testId) {
		Matcher m = Pattern.compile("data-testid=\"" + Pattern.quote(testId) + "\" datetime=\"([^\"]+)\"").matcher(html);
		return m.find() ? Optional.of(m.group(1)) : Optional.empty();
	}

	public static String requireTime(String html, String testId) {
		return time(html, testId).orElseThrow(() -> new AssertionError("No " + testId + " on the page"));
	}

	/** The text of the first element with {@code data-testid=…} (no nested tags). */
	public static String text(String html, String testId) {
		Matcher m = Pattern.compile("data-testid=\"" + Pattern.quote(testId) + "\"[^>]*>([^<]*)<").matcher(html);
		if (!m.find()) {
			throw new AssertionError("No " + testId + " on the page");
		}
		return m.group(1).trim();
	}

	/** The invoice-total cell of one list row. */
	public static String rowTotal(String html, long invoiceId) {
		Matcher m = Pattern.compile("data-invoice-id=\"" + invoiceId
				+ "\"[\\s\\S]*?data-testid=\"invoice-total\"[^>]*>([^<]*)<").matcher(html);
		if (!m.find()) {
			throw new AssertionError("No row for invoice " + invoiceId);
		}
		return m.group(1).trim();
	}

	public static boolean hasRow(String html, long invoiceId) {
		return html.contains("data-invoice-id=\"" + invoiceId + "\"");
	}

}
