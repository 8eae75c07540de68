package io.ledgerline.invoices;

import java.time.LocalDate;

/** When an invoice falls due if its creator does not say: its org's terms after issue. */
public final class PaymentTerms {

	/** Net 30, unless the org sets other terms ({@code orgs.payment_terms_days}). */
	static final int DEFAULT_DAYS = 30;

	private PaymentTerms() {
	}

	public static LocalDate dueOn(LocalDate issuedOn, int termsDays) {
		return issuedOn.plusDays(termsDays);
	}

}
