package io.ledgerline.web;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The hidden field a form that writes carries: the org it was opened in. A submit whose
 * field names another org than the active one is refused ({@link OrgMismatchException})
 * before any handler runs, so a form opened in one org can never save into another after
 * the user switched orgs in another tab. A post without the field (scripts, older
 * clients) acts on the active org, as before.
 */
public final class FormOrg {

	/** The field's name; {@code orgId} is the org switcher's own field. */
	public static final String FIELD = "formOrg";

	private static final Pattern ORG_ID = Pattern.compile("[a-z0-9-]{1,40}");

	private FormOrg() {
	}

	/**
	 * The org the request says its form was opened in, or empty when it does not say.
	 * @throws BadRequestException when the field is there but cannot be an org id
	 */
	public static Optional<String> posted(HttpServletRequest request) {
		String value = request.getParameter(FIELD);
		if (value == null) {
			return Optional.empty();
		}
		if (!ORG_ID.matcher(value).matches()) {
			throw new BadRequestException(FIELD + " must be an organisation id.");
		}
		return Optional.of(value);
	}

}
