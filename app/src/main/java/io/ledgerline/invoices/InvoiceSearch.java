package io.ledgerline.invoices;

import java.util.Comparator;
import java.util.List;

import io.ledgerline.web.BadRequestException;

/**
 * A search of the list ({@code q}) as typed and as words. Every word must match the
 * prefix of a word of the invoice's number or customer name. Blank, or with no letter or
 * digit at all, it is no search: the plain list.
 */
public record InvoiceSearch(String text, List<String> words) {

	public static final InvoiceSearch NONE = new InvoiceSearch("", List.of());

	static final int MAX_LENGTH = 100;

	static final int MAX_WORDS = 8;

	public static InvoiceSearch parse(String q) {
		if (q == null || q.isBlank()) {
			return NONE;
		}
		if (q.length() > MAX_LENGTH) {
			throw new BadRequestException("q is too long: at most " + MAX_LENGTH + " characters.");
		}
		if (q.chars().anyMatch(Character::isISOControl)) {
			throw new BadRequestException("q must not contain control characters.");
		}
		List<String> words = SearchWords.words(q)
			.stream()
			.distinct()
			// The longest word drives the lookup: the fewest rows to walk.
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
		if (words.size() > MAX_WORDS) {
			throw new BadRequestException("q has too many words: at most " + MAX_WORDS + ".");
		}
		return words.isEmpty() ? NONE : new InvoiceSearch(q.strip(), words);
	}

	public boolean isNone() {
		return this.words.isEmpty();
	}

	/** What the cache keys on: the words, so "Acme" and "acme " share one entry. */
	String key() {
		return String.join(" ", this.words);
	}

	/** The text for links and the search box; null when there is no search. */
	public String linkText() {
		return isNone() ? null : this.text;
	}

}
