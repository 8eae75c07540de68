package io.ledgerline.invoices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

/**
 * Today, as the app's clock has it, in UTC: the day overdue-ness is judged on and the day
 * every cached read that shows it is keyed by (docs/CACHING.md, "Overdue and midnight").
 * Orgs have no time zone of their own yet; when they do, this is the one place that
 * changes.
 */
@Component
class BusinessDay {

	private final Clock clock;

	BusinessDay(Clock clock) {
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
