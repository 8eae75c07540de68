package io.ledgerline.summary;

import java.math.BigDecimal;

/** Active (not archived, not deleted) invoice count and total of one org. */
public record OrgSummary(String orgId, long activeCount, BigDecimal activeTotal) {
}
