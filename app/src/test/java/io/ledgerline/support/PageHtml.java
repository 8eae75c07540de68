package io.ledgerline.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough reading of the server-rendered pages to check their hooks: elements found
 * by {@code data-testid}, their attributes and their own text. The templates are ours and
 * regular, so a few patterns do; no HTML parser is on the test classpath.
 */
public final class PageHtml {

	private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)=\"([^\"]*)\"");

	private final String html;

	public PageHtml(String html) {
		this.html = html;
	}

	public boolean has(String testId) {
		return openingTag(testId, 0) != null;
	}

	/**
	 * The text directly inside the first element with that test id (up to its first child
	 * tag).
	 */
	public String text(String testId) {
		Matcher tag = require(testId);
		int end = html.indexOf('<', tag.end());
		return unescape(html.substring(tag.end(), end)).trim();
	}

	/** The plain decimal a money element carries for scripts ({@code data-value}). */
	public String value(String testId) {
		String value = attributes(testId).get("data-value");
		if (value == null) {
			throw new AssertionError("data-testid=\"" + testId + "\" has no data-value");
		}
		return value;
	}

	public Map<String, String> attributes(String testId) {
		return attributesOf(require(testId).group(2));
	}

	/**
	 * The attributes of every {@code li} inside the list with that test id, in page
	 * order.
	 */
	public List<Map<String, String>> items(String listTestId) {
		Matcher list = require(listTestId);
		String body = html.substring(list.end(), html.indexOf("</ul>", list.end()));
		List<Map<String, String>> items = new ArrayList<>();
		Matcher li = Pattern.compile("<li\\b([^>]*)>").matcher(body);
		while (li.find()) {
			items.add(attributesOf(li.group(1)));
		}
		return items;
	}

	/** The {@code datetime} of a {@code <time data-testid=…>} (the fetched-at strip). */
	public String time(String testId) {
		String datetime = attributes(testId).get("datetime");
		if (datetime == null) {
			throw new AssertionError("data-testid=\"" + testId + "\" has no datetime");
		}
		return datetime;
	}

	public boolean hasRow(long invoiceId) {
		return html.contains("data-invoice-id=\"" + invoiceId + "\"");
	}

	/** The list row of one invoice, to read its cells with {@link #text}. */
	public PageHtml row(long invoiceId) {
		Matcher row = Pattern.compile("<tr\\b[^>]*data-invoice-id=\"" + invoiceId + "\"[^>]*>").matcher(html);
		if (!row.find()) {
			throw new AssertionError("No row for invoice " + invoiceId + " on the page");
		}
		return new PageHtml(html.substring(row.start(), rowEnd(row.end())));
	}

	/**
	 * Where a row ends: its {@code
	 *
	</tr>
	 * }, or (the list leaves that optional end tag out) the next row or the end of the
	 * table body.
	 */
	private int rowEnd(int from) {
		int end = html.length();
		for (String next : new String[] { "</tr>", "<tr", "</tbody>" }) {
			int at = html.indexOf(next, from);
			if (at >= 0) {
				end = Math.min(end, at);
			}
		}
		return end;
	}

	/**
	 * Whether a button submits to a URL ending in {@code /verb} ({@code archive},
	 * {@code restore}, {@code delete}): the list's row buttons carry no test ids, only
	 * their {@code formaction}.
	 */
	public boolean hasButton(String verb) {
		return buttons(verb) > 0;
	}

	/** How many buttons submit to a URL ending in {@code /verb}. */
	public int buttons(String verb) {
		Matcher button = Pattern.compile("<button\\b[^>]*formaction=\"[^\"]*/" + Pattern.quote(verb) + "\"")
			.matcher(html);
		int count = 0;
		while (button.find()) {
			count++;
		}
		return count;
	}

	/**
	 * The attributes of the first button that submits to a URL ending in {@code /verb}.
	 */
	public Map<String, String> button(String verb) {
		Matcher button = Pattern.compile("<button\\b([^>]*formaction=\"[^\"]*/" + Pattern.quote(verb) + "\"[^>]*)>")
			.matcher(html);
		if (!button.find()) {
			throw new AssertionError("No button submits to …/" + verb);
		}
		return attributesOf(button.group(1));
	}

	/** How many forms post to {@code action} and carry the CSRF field. */
	public int formsPostingTo(String action) {
		Matcher form = Pattern.compile("<form\\b[^>]*action=\"" + Pattern.quote(action) + "\"[^>]*>").matcher(html);
		int count = 0;
		while (form.find()) {
			String body = html.substring(form.end(), html.indexOf("</form>", form.end()));
			if (body.contains("name=\"_csrf\"")) {
				count++;
			}
		}
		return count;
	}

	public int count(String fragment) {
		int count = 0;
		for (int at = html.indexOf(fragment); at >= 0; at = html.indexOf(fragment, at + 1)) {
			count++;
		}
		return count;
	}

	@Override
	public String toString() {
		return html;
	}

	private Matcher require(String testId) {
		Matcher tag = openingTag(testId, 0);
		if (tag == null) {
			throw new AssertionError("No element with data-testid=\"" + testId + "\" on the page");
		}
		return tag;
	}

	private Matcher openingTag(String testId, int from) {
		Matcher tag = Pattern.compile("<(\\w+)\\b([^>]*\\bdata-testid=\"" + Pattern.quote(testId) + "\"[^>]*)>")
			.matcher(html);
		return tag.find(from) ? tag : null;
	}

	private static Map<String, String> attributesOf(String attributes) {
		Map<String, String> map = new LinkedHashMap<>();
		Matcher attribute = ATTRIBUTE.matcher(attributes);
		while (attribute.find()) {
			map.put(attribute.group(1), unescape(attribute.group(2)));
		}
		return map;
	}

	private static String unescape(String text) {
		return text.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
