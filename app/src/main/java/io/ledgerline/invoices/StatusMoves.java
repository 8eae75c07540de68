package io.ledgerline.invoices;

import java.util.Map;

import io.ledgerline.tenancy.ActingUser;
import io.ledgerline.web.ValidationException;

/**
 * Who may move an invoice from one status to another: the rules of {@link InvoiceStatus},
 * plus an admin's right to reopen a paid or void invoice (which the caller audits). A
 * refusal is a 422 on the {@code status} field.
 */
public final class StatusMoves {

	private StatusMoves() {
	}

	/**
	 * @return whether the move reopens a final invoice (an admin's, to be audited)
	 * @throws ValidationException when the move is refused
	 */
	public static boolean check(ActingUser actor, Invoice before, InvoiceStatus next) {
		if (!allowed(actor, before, next)) {
			String refusal = before.status().refusalOfMoveTo(next).orElseThrow();
			throw new ValidationException(Map.of("status", before.number() + ": " + refusal));
		}
		return before.status() != next && before.status().isFinal();
	}

	/**
	 * Whether {@code actor} may move {@code invoice} to {@code next} (for the form's
	 * choices).
	 */
	public static boolean allowed(ActingUser actor, Invoice invoice, InvoiceStatus next) {
		return invoice.status() == next || (invoice.status().isFinal() && actor.isAdmin())
				|| invoice.status().refusalOfMoveTo(next).isEmpty();
	}

}
