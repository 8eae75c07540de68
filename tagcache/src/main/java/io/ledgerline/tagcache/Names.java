package io.ledgerline.tagcache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validation of keys, tags and paths, and the internal tags that tie page entries to
 * paths.
 *
 * <p>
 * Internal names start with a control character, which user keys and tags may not
 * contain, so no user tag can ever address (or collide with) a page's path tags.
 */
final class Names {

	private static final String PAGE_TAG = "\u0000page:";

	private static final String LAYOUT_TAG = "\u0000layout:";

	private static final String PAGE_KEY = "\u0000page:";

	private Names() {
	}

	static String requireKey(String key) {
		return requireName("key", key);
	}

	static String requireTag(String tag) {
		return requireName("tag", tag);
	}

	/** Validates the user's tags without copying them (the read path). */
	static void checkTags(Collection<String> tags) {
		Objects.requireNonNull(tags, "tags must not be null (pass an empty collection for an untagged entry)");
		for (String tag : tags) {
			requireTag(tag);
		}
	}

	/** The user's tags, validated and de-duplicated, in their original order. */
	static Set<String> requireTags(Collection<String> tags) {
		Objects.requireNonNull(tags, "tags must not be null (pass an empty collection for an untagged entry)");
		Set<String> result = new LinkedHashSet<>();
		for (String tag : tags) {
			result.add(requireTag(tag));
		}
		return result;
	}

	/**
	 * A route path: starts with {@code /}; trailing slashes are dropped so {@code /a/}
	 * and {@code /a} are the same page.
	 */
	static String requirePath(String path) {
		requireName("path", path);
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("path must start with '/', was '" + path + "'");
		}
		int end = path.length();
		while (end > 1 && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(0, end);
	}

	/** The key a page is stored under: pages of different paths never share an entry. */
	static String pageKey(String path, String key) {
		return PAGE_KEY + path + '\u0000' + key;
	}

	/**
	 * The tags a page of {@code path} carries: its page tag, and a layout tag for it and
	 * each ancestor.
	 */
	static List<String> pathTags(String path) {
		List<String> tags = new ArrayList<>();
		tags.add(pageTag(path));
		String current = path;
		while (true) {
			tags.add(layoutTag(current));
			if (current.equals("/")) {
				return tags;
			}
			int slash = current.lastIndexOf('/');
			current = slash == 0 ? "/" : current.substring(0, slash);
		}
	}

	static String pageTag(String path) {
		return PAGE_TAG + path;
	}

	static String layoutTag(String path) {
		return LAYOUT_TAG + path;
	}

	private static String requireName(String what, String value) {
		Objects.requireNonNull(value, () -> what + " must not be null");
		if (value.isBlank()) {
			throw new IllegalArgumentException(what + " must not be blank");
		}
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				throw new IllegalArgumentException(what + " must not contain control characters"
						+ " (they are reserved for the cache's internal path tags), was '"
						+ value.replaceAll("\\p{Cntrl}", "?") + "'");
			}
		}
		return value;
	}

}
