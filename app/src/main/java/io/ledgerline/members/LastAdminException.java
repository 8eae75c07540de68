package io.ledgerline.members;

import java.util.Map;

import io.ledgerline.web.ValidationException;

/**
 * A change that would leave the org without an admin (nobody could manage its members
 * again): refused, 422, nothing written.
 */
class LastAdminException extends ValidationException {

	private static final long serialVersionUID = 1L;

	LastAdminException(Member member, String change) {
		super(Map.of("userId", member.email() + " is the organisation's last admin and cannot be " + change
				+ ". Make another member an admin first."));
	}

	/** The message for the person, without the field name. */
	String reason() {
		return fieldErrors().get("userId");
	}

}
