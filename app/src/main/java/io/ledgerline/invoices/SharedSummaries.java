package io.ledgerline.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ledgerline.summary.OrgSummary;
import io.ledgerline.tagcache.redis.SharedValue;

/**
 * The org summary and the overdue count are what the background recompute revalidates
 * ({@code revalidateTag(summary, "max")}): on a cluster, one instance reloads each and
 * the others take its result instead of asking the database too. Both are plain numbers
 * read from the database, the same on every instance.
 */
@Configuration(proxyBeanMethods = false)
class SharedSummaries {

	@Bean
	SharedValue<OrgSummary> sharedOrgSummaries() {
		return SharedValue.ofFields(InvoiceTags.SUMMARY_KEY_PREFIX, OrgSummary.class, 3,
				summary -> List.of(summary.orgId(), Long.toString(summary.activeCount()),
						summary.activeTotal().toPlainString()),
				fields -> new OrgSummary(fields.get(0), Long.parseLong(fields.get(1)), new BigDecimal(fields.get(2))));
	}

	@Bean
	SharedValue<OverdueSummary> sharedOverdueSummaries() {
		return SharedValue.ofFields(InvoiceTags.OVERDUE_KEY_PREFIX, OverdueSummary.class, 3,
				overdue -> List.of(overdue.asOf().toString(), Long.toString(overdue.count()),
						overdue.total().toPlainString()),
				fields -> new OverdueSummary(LocalDate.parse(fields.get(0)), Long.parseLong(fields.get(1)),
						new BigDecimal(fields.get(2))));
	}

}
