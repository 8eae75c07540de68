package io.ledgerline.invoices;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How text becomes searchable words, the same way for what is indexed and what is asked:
 * accents dropped ("Émile" is "emile"), lower case, split at anything that is not a
 * letter or a digit ("INV-1042" is "inv" and "1042"). A word is found by any of its
 * prefixes, so the index holds every prefix of every word, and a search word is one
 * equality lookup whose rows come in the list's keyset order.
 */
final class SearchWords {

	/**
	 * The longest prefix kept: words are compared on their first 40 characters (the
	 * index's column width).
	 */
	static final int MAX_TERM = 40;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private SearchWords() {
	}

	/** The normalised words of {@code text}, in order, each at most {@link #MAX_TERM}. */
	static List<String> words(String text) {
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		List<String> words = new ArrayList<>();
		for (String word : SEPARATORS.split(plain.toLowerCase(Locale.ROOT))) {
			if (!word.isEmpty()) {
				words.add(word.length() > MAX_TERM ? word.substring(0, MAX_TERM) : word);
			}
		}
		return words;
	}

	/** Every prefix of every word of an invoice's number and customer: its index rows. */
	static Set<String> terms(String number, String customerName) {
		Set<String> terms = new LinkedHashSet<>();
		for (String word : words(number + " " + customerName)) {
			for (int length = 1; length <= word.length(); length++) {
				terms.add(word.substring(0, length));
			}
		}
		return terms;
	}

}
