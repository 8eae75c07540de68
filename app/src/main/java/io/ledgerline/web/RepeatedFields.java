package io.ledgerline.web;

import java.util.Set;

/**
 * Form fields that a feature sends several times on purpose (one value per row of a
 * repeated group, aligned by position). Every other field sent twice is refused by
 * {@link MalformedRequestFilter}; a feature declares its repeated fields as a bean of
 * this type.
 *
 * @param names the field names that may repeat
 */
public record RepeatedFields(Set<String> names) {

	public RepeatedFields {
		names = Set.copyOf(names);
	}

}
